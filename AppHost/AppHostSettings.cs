using System.Globalization;
using Microsoft.Extensions.Configuration;
using SocialEnterprise.Shared;

namespace SocialEnterprise.AppHost;

/// <summary>
/// <c>AppHost:*</c>: how this machine runs the stack. Set on the command line (<c>--AppHost:LocalServers=true</c>), in
/// the environment (<c>AppHost__LocalServers=true</c>) or in <c>appsettings.json</c>; README, "Configuration".
/// </summary>
public sealed record AppHostSettings
{
    public const string Section = "AppHost";

    /// <summary>
    /// True: PostgreSQL and Redis from the machine's own packages, as Aspire resources. False: containers. Unset: containers
    /// when Docker or Podman answers, else the machine's own.
    /// </summary>
    public bool? LocalServers { get; init; }

    /// <summary>The local servers' data (PostgreSQL cluster, Redis append-only file); <c>.data/</c> beside the solution.</summary>
    public required string DataDirectory { get; init; }

    public int ApiPort { get; init; } = DefaultPorts.Api;

    public int WorkersPort { get; init; } = DefaultPorts.Workers;

    public int WebPort { get; init; } = DefaultPorts.Web;

    public int PostgresPort { get; init; } = DefaultPorts.Postgres;

    public int CachePort { get; init; } = DefaultPorts.Cache;

    /// <summary>False for throw-away stacks (tests): PostgreSQL without fsync, Redis without its append-only file.</summary>
    public bool Durable { get; init; } = true;

    /// <summary>Run the development channel sandbox and point the outbound connectors at it (default: in development).</summary>
    public required bool ChannelSandbox { get; init; }

    /// <summary>
    /// How many Workers processes share the queues (Aspire replicas; their health endpoint then behind the AppHost's proxy
    /// on <see cref="WorkersPort"/>).
    /// </summary>
    public int WorkersReplicas { get; init; } = 1;

    /// <summary>Start the traffic simulator with the stack at this many events per second; else it waits for a start from the dashboard.</summary>
    public double? Simulate { get; init; }

    /// <exception cref="ArgumentException">A setting is not a valid value; the message names it.</exception>
    public static AppHostSettings From(IConfiguration configuration, string repositoryRoot, bool isDevelopment)
    {
        var section = configuration.GetSection(Section);
        var dataDirectory = section["DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, repositoryRoot)
            : Path.Combine(repositoryRoot, ".data");
        return new AppHostSettings
        {
            LocalServers = Flag(section, "LocalServers"),
            DataDirectory = dataDirectory,
            ApiPort = Port(section, "ApiPort", DefaultPorts.Api),
            WorkersPort = Port(section, "WorkersPort", DefaultPorts.Workers),
            WebPort = Port(section, "WebPort", DefaultPorts.Web),
            PostgresPort = Port(section, "PostgresPort", DefaultPorts.Postgres),
            CachePort = Port(section, "CachePort", DefaultPorts.Cache),
            WorkersReplicas = section["WorkersReplicas"] switch
            {
                null or "" => 1,
                var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var replicas) && replicas is > 0 and <= 16 => replicas,
                var text => throw new ArgumentException($"{Section}:WorkersReplicas must be a number of processes from 1 to 16, not '{text}'."),
            },
            Durable = Flag(section, "Durable") ?? true,
            ChannelSandbox = Flag(section, "ChannelSandbox") ?? isDevelopment,
            Simulate = section["Simulate"] is { Length: > 0 } rate
                ? double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
                    ? value
                    : throw new ArgumentException($"{Section}:Simulate must be a positive number of events per second, not '{rate}'.")
                : null,
        };
    }

    private static bool? Flag(IConfigurationSection section, string key) => section[key] switch
    {
        null or "" => null,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw new ArgumentException($"{Section}:{key} must be true or false, not '{text}'."),
    };

    private static int Port(IConfigurationSection section, string key, int fallback) => section[key] switch
    {
        null or "" => fallback,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 => port,
        var text => throw new ArgumentException($"{Section}:{key} must be a port number between 1 and 65535, not '{text}'."),
    };
}
