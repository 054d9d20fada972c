using Microsoft.Extensions.Hosting;
using SocialEnterprise.Shared;

namespace SocialEnterprise.AppHost;

/// <summary>How the AppHost wires its services: the same few steps for each, written once.</summary>
internal static class ServiceResources
{
    /// <summary>
    /// A web service: the AppHost's environment, an HTTP endpoint, and <c>/health</c> as its health check, which every
    /// <c>WaitFor</c> on it waits for. With a <paramref name="port"/> the service listens on it itself: behind Aspire's
    /// proxy (a TCP relay) every caller would come from 127.0.0.1, and the sign-in rate limit per address and the audit
    /// log's "from where" would mean nothing. Without one, any free port behind the proxy.
    /// </summary>
#pragma warning disable ASPIRECERTIFICATES001 // WithoutHttpsCertificate is an evaluation API; without it every start shows a certificate error.
    public static IResourceBuilder<ProjectResource> AsService(
        this IResourceBuilder<ProjectResource> project, IHostEnvironment environment, int? port, int replicas = 1)
    {
        // One process listens on its documented port itself; several share it behind the AppHost's proxy.
        return project
            .WithHttpEndpoint(port: port, isProxied: port is null || replicas > 1)
            // Plain HTTP on loopback: no development certificate to find (or to warn about in the dashboard).
            .WithoutHttpsCertificate()
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", environment.EnvironmentName)
            .WithEnvironment("DOTNET_ENVIRONMENT", environment.EnvironmentName)
            // Aspire trusts X-Forwarded-* from any sender by default (for cloud ingresses); here nothing in front adds
            // them, so anyone could claim any address in the audit log and around the sign-in rate limit.
            .WithEnvironment(context => context.EnvironmentVariables.Remove("ASPNETCORE_FORWARDEDHEADERS_ENABLED"))
            .WithHttpHealthCheck("/health");
    }

    /// <summary>A command-line program (no endpoint): the AppHost's environment.</summary>
    public static IResourceBuilder<ProjectResource> AsTool(this IResourceBuilder<ProjectResource> project, IHostEnvironment environment) =>
        project
            .WithoutHttpsCertificate()
            .WithEnvironment("DOTNET_ENVIRONMENT", environment.EnvironmentName);
#pragma warning restore ASPIRECERTIFICATES001

    /// <summary>The channels' webhook secrets (what the Api checks and the simulator signs with) and outbound secrets.</summary>
    public static IResourceBuilder<ProjectResource> WithChannelSecrets(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<ParameterResource>? ingestSecret, IResourceBuilder<ParameterResource>? outboundSecret)
    {
        foreach (var channel in IngestSettings.Channels)
        {
            if (ingestSecret is not null)
            {
                project.WithEnvironment(IngestSettings.SecretOf(channel), ingestSecret);
            }

            if (outboundSecret is not null)
            {
                project.WithEnvironment(OutboundSettings.SecretOf(channel), outboundSecret);
            }
        }

        return project;
    }

    /// <summary>Every channel's outbound connector is the sandbox's: <c>Outbound__Channels__x__Url</c> = its <c>/channels/x</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithOutboundConnectors(this IResourceBuilder<ProjectResource> workers, IResourceBuilder<ProjectResource> sandbox)
    {
        var endpoint = sandbox.GetEndpoint("http");
        foreach (var channel in IngestSettings.Channels)
        {
            workers.WithEnvironment(OutboundSettings.UrlOf(channel), ReferenceExpression.Create($"{endpoint}/channels/{channel}"));
        }

        return workers;
    }

    /// <summary>A secret with its documented value in development; generated once and kept in user secrets elsewhere.</summary>
    public static IResourceBuilder<ParameterResource> AddSecret(
        this IDistributedApplicationBuilder builder, string name, string developmentValue, bool isDevelopment) =>
        isDevelopment
            ? builder.AddParameter(name, developmentValue, secret: true)
            : builder.AddParameter(name, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
}
