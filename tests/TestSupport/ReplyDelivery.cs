using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Replies;
using SocialEnterprise.Shared;
using SocialEnterprise.Channels;

namespace SocialEnterprise.TestSupport;

/// <summary>
/// What the Workers process runs to deliver replies, on a test database, without its hosted loop: tests decide when a
/// batch is dispatched (and, with a fake clock, when retries fall due).
/// </summary>
public static class ReplyDeliveryHost
{
    /// <summary>Every channel's outbound secret in the tests.</summary>
    public const string Secret = "integration-outbound-secret";

    public static IHost Create(string connectionString, IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{Resources.Database}"] = connectionString;
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        if (time is not null)
        {
            builder.Services.TryAddSingleton(time);
        }

        builder.AddCrmDatabase();
        builder.Services.AddReplyDelivery();
        var host = new ClosingHost(builder.Build());
        // As on start: invalid settings fail here, not at the first dispatch.
        _ = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReplyDeliveryOptions>>().Value;
        return host;
    }

    /// <summary>
    /// Closes the host's connection pool with it: the container does not dispose a data source it was handed, and the
    /// tests start many short-lived hosts on one PostgreSQL server.
    /// </summary>
    private sealed class ClosingHost(IHost inner) : IHost
    {
        public IServiceProvider Services => inner.Services;

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

        public void Dispose()
        {
            var dataSource = inner.Services.GetRequiredService<NpgsqlDataSource>();
            inner.Dispose();
            dataSource.Dispose();
        }
    }

    public static ReplyDispatcher Dispatcher(this IHost host) => host.Services.GetRequiredService<ReplyDispatcher>();

    /// <summary>
    /// Settings that point every channel (or the ones given) at <paramref name="sandbox"/>, signed with <see cref="Secret"/>,
    /// with retries a test can wait for.
    /// </summary>
    public static Dictionary<string, string?> Settings(ChannelSandbox sandbox, IEnumerable<string>? channels = null, int maxAttempts = 4)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Outbound:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Outbound:FirstRetryDelay"] = "00:00:00.200",
            ["Outbound:MaxRetryDelay"] = "00:00:02",
            ["Outbound:RequestTimeout"] = "00:00:02",
            ["Outbound:Lease"] = "00:00:05",
            ["Outbound:PollInterval"] = "00:00:01",
        };
        foreach (var channel in IngestSettings.Channels)
        {
            settings[$"Outbound:Secrets:{channel}"] = Secret;
        }

        foreach (var channel in channels ?? IngestSettings.Channels)
        {
            settings[$"Outbound:Channels:{channel}:Url"] = sandbox.UrlOf(channel).ToString();
        }

        return settings;
    }

    /// <summary>A sandbox signing with <see cref="Secret"/> that reports deliveries to <paramref name="api"/> (or to nobody).</summary>
    public static Task<ChannelSandbox> SandboxAsync(HttpClient? api = null, TimeSpan? receiptDelay = null) =>
        ChannelSandbox.StartAsync(_ => Secret, api, receiptDelay);
}
