using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SocialEnterprise.Shared;

namespace SocialEnterprise.Channels;

internal static class Extensions
{
    public const string ReceiptsClient = "receipts";

    /// <summary>
    /// The sandbox as a service of its own: it signs with the channels' outbound secrets (<c>Outbound:Secrets:{channel}</c>,
    /// what the Workers and the Api read) and reports deliveries to the Api it is given (<c>services:api:http:0</c>).
    /// </summary>
    public static void AddChannelSandbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SandboxOptions>()
            .Bind(builder.Configuration.GetSection(SandboxOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<OutboundSecretsOptions>()
            .Configure(options =>
            {
                foreach (var channel in IngestSettings.Channels)
                {
                    options.Secrets[channel] = builder.Configuration[$"Outbound:Secrets:{channel}"];
                }
            })
            .Validate(options => options.Secrets.Values.All(secret => !string.IsNullOrEmpty(secret)),
                $"Every channel's outbound secret must be set: {string.Join(", ", IngestSettings.Channels.Select(OutboundSettings.SecretOf))}.")
            .ValidateOnStart();

        var api = builder.Configuration[$"services:{Resources.Api}:http:0"];
        if (string.IsNullOrEmpty(api))
        {
            throw new InvalidOperationException(
                $"services__{Resources.Api}__http__0 is not set: the sandbox reports deliveries to the Api. The AppHost sets it.");
        }

        builder.Services.AddHttpClient(ReceiptsClient, http => http.BaseAddress = new Uri($"http://{Resources.Api}"));
        builder.Services.AddSingleton(services =>
        {
            var secrets = services.GetRequiredService<IOptions<OutboundSecretsOptions>>().Value.Secrets;
            return new ChannelSandbox(
                channel => secrets[channel]!,
                services.GetRequiredService<IHttpClientFactory>().CreateClient(ReceiptsClient),
                services.GetRequiredService<IOptions<SandboxOptions>>().Value.ReceiptDelay);
        });
    }
}

/// <summary><c>Sandbox:*</c>: how the development channels behave.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>How long after taking a reply the channel reports it delivered.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ReceiptDelay { get; set; } = TimeSpan.FromMilliseconds(50);
}

internal sealed class OutboundSecretsOptions
{
    public Dictionary<string, string?> Secrets { get; } = [];
}
