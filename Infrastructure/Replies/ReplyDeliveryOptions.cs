using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Infrastructure.Replies;

/// <summary>
/// How replies leave through the channels: configuration section <c>Outbound</c>. Each channel's connector is an HTTP
/// endpoint (<c>Outbound:Channels:x:Url</c>); posts to it, and the delivery receipts it sends back, are signed with the
/// channel's outbound secret (<c>Outbound:Secrets:x</c>), a secret of its own so that the connector never holds the
/// secret that lets it inject customer messages.
/// </summary>
public sealed class ReplyDeliveryOptions
{
    public const string Section = "Outbound";

    public Dictionary<string, DeliveryChannel> Channels { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Secrets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Attempts before a reply is given up as failed (the first one included).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one post to a connector may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a claimed reply stays out of the queue while its post is under way: longer than the timeout, so that
    /// no other worker takes it meanwhile; after a crash it is due again when the lease ends.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Replies claimed (and posted side by side) at once.</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How often the queue is read when no notification arrives (notifications are only a shortcut).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The channel's connector, or null when none is configured.</summary>
    public Uri? UrlOf(string channel) =>
        Channels.TryGetValue(channel, out var connector) && connector.Url is { Length: > 0 } url ? new Uri(url, UriKind.Absolute) : null;

    public string? SecretOf(string channel) => Secrets.TryGetValue(channel, out var secret) && secret is { Length: > 0 } ? secret : null;
}

public sealed class DeliveryChannel
{
    /// <summary>The absolute http(s) URL the delivery worker posts this channel's replies to.</summary>
    public string? Url { get; set; }
}

internal sealed class ReplyDeliveryOptionsValidator : IValidateOptions<ReplyDeliveryOptions>
{
    public const int MinSecretLength = 8;

    public ValidateOptionsResult Validate(string? name, ReplyDeliveryOptions options)
    {
        var failures = new List<string>();
        foreach (var (channel, connector) in options.Channels)
        {
            if (!IngestChannels.All.Contains(channel))
            {
                failures.Add($"Outbound:Channels:{channel} is not a channel (one of: {string.Join(", ", IngestChannels.All.Order(StringComparer.Ordinal))}).");
                continue;
            }

            if (connector.Url is not { Length: > 0 } url)
            {
                continue;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                failures.Add($"Outbound:Channels:{channel}:Url must be an absolute http or https URL (was \"{url}\").");
            }

            if (options.SecretOf(channel) is not { Length: >= MinSecretLength })
            {
                failures.Add($"Outbound:Secrets:{channel} is not set (at least {MinSecretLength} characters): replies to a connector are signed with it.");
            }
        }

        failures.AddRange(options.Secrets.Keys.Where(channel => !IngestChannels.All.Contains(channel))
            .Select(channel => $"Outbound:Secrets:{channel} is not a channel."));
        failures.AddRange(options.Secrets.Where(secret => secret.Value is { Length: > 0 and < MinSecretLength })
            .Select(secret => $"Outbound:Secrets:{secret.Key} is shorter than {MinSecretLength} characters."));
        if (options.FirstRetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.FirstRetryDelay)
        {
            failures.Add("Outbound:FirstRetryDelay must be positive and at most Outbound:MaxRetryDelay.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.Lease <= options.RequestTimeout)
        {
            failures.Add("Outbound:RequestTimeout must be positive and Outbound:Lease longer than it (a post must end before its lease does).");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("Outbound:PollInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
