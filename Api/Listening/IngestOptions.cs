using Microsoft.Extensions.Options;
using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Api.Listening;

/// <summary>Channel webhooks: configuration section <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>The HMAC secret of each channel (<c>Ingest:Secrets:x</c>, ...); every channel needs one.</summary>
    public Dictionary<string, string> Secrets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Sustained events per second accepted from one channel; more are refused with 429.</summary>
    public int PermitsPerSecond { get; set; } = 5_000;

    /// <summary>Events one channel may send at once above the sustained rate.</summary>
    public int Burst { get; set; } = 10_000;
}

internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    public const int MinSecretLength = 8;

    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        var failures = IngestChannels.All
            .Where(channel => !options.Secrets.TryGetValue(channel, out var secret) || secret.Length < MinSecretLength)
            .Select(channel => $"Ingest:Secrets:{channel} is not set (at least {MinSecretLength} characters): each channel signs its events with its own secret (./run.sh sets them).")
            .ToList();
        if (options.PermitsPerSecond < 1 || options.Burst < 1)
        {
            failures.Add("Ingest:PermitsPerSecond and Ingest:Burst must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
