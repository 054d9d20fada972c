using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.LocalServers;

namespace SocialEnterprise.AppHost.Stores;

/// <summary>
/// Redis from the machine's own packages, run by Aspire's orchestrator as a process (where no container runtime
/// answers); its password is in a configuration file beside its data, never on its command line.
/// </summary>
public sealed class LocalRedisResource(string name, string executable, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, executable, workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    /// <summary>As Aspire's Redis container gives it: <c>host:port,password=…</c>.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");
}

public static class LocalRedisBuilderExtensions
{
    /// <param name="durable">Keep the data in an append-only file across restarts.</param>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, int port, bool durable)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        Directory.CreateDirectory(dataDirectory);
        var redis = new LocalRedisResource(name, LocalRedis.FindExecutable(), Path.GetFullPath(dataDirectory), password);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(redis, async (_, cancellationToken) =>
            connectionString = await redis.ConnectionStringExpression.GetValueAsync(cancellationToken));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(redis, async (_, cancellationToken) =>
        {
            var secret = await password.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException($"{password.Name} has no value.");
            LocalRedis.Prepare(dataDirectory, port, secret, durable);
        });

        var check = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException($"The connection string of {name} is not known yet."), name: check);

        return builder.AddResource(redis)
            .WithArgs(LocalRedis.ConfigurationPath(dataDirectory))
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalRedisResource.EndpointName, isProxied: false)
            .WithIconName("Memory")
            .WithHealthCheck(check);
    }
}
