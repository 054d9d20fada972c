using System.Globalization;
using SocialEnterprise.Shared;

namespace SocialEnterprise.LocalRunner;

/// <summary>Where the local stack keeps its data and which ports it listens on.</summary>
public sealed record LocalStackOptions
{
    public required string RepositoryRoot { get; init; }

    /// <summary>PostgreSQL's and Redis's data folders and the generated development secrets live here.</summary>
    public required string DataDirectory { get; init; }

    public int WebPort { get; init; } = DefaultPorts.Web;

    public int ApiPort { get; init; } = DefaultPorts.Api;

    public int WorkersPort { get; init; } = DefaultPorts.Workers;

    public int PostgresPort { get; init; } = DefaultPorts.Postgres;

    public int CachePort { get; init; } = DefaultPorts.Cache;

    /// <summary>False for throw-away test stacks: PostgreSQL without fsync and Redis without persistence.</summary>
    public bool Durable { get; init; } = true;

    /// <summary>The build configuration whose output is run.</summary>
    public string Configuration { get; init; } = "Debug";

    /// <summary>Where to export OpenTelemetry over OTLP (an Aspire dashboard, a collector); none when null.</summary>
    public string? OtlpEndpoint { get; init; }

    public string? OtlpProtocol { get; init; }

    /// <summary>Settings given to every service on top of the AppHost's (tests use it to loosen limits).</summary>
    public IReadOnlyDictionary<string, string> AdditionalEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The defaults, overridden by <c>SE_WEB_PORT</c>, <c>SE_API_PORT</c>, <c>SE_WORKERS_PORT</c>, <c>SE_POSTGRES_PORT</c>,
    /// <c>SE_CACHE_PORT</c>, <c>SE_DATA_DIR</c>, <c>SE_CONFIGURATION</c> and the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// and <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>.
    /// </summary>
    public static LocalStackOptions FromEnvironment(string repositoryRoot, Func<string, string?> variable) => new()
    {
        RepositoryRoot = repositoryRoot,
        DataDirectory = Path.GetFullPath(variable("SE_DATA_DIR") ?? Path.Combine(repositoryRoot, ".data")),
        WebPort = Port(variable, "SE_WEB_PORT", DefaultPorts.Web),
        ApiPort = Port(variable, "SE_API_PORT", DefaultPorts.Api),
        WorkersPort = Port(variable, "SE_WORKERS_PORT", DefaultPorts.Workers),
        PostgresPort = Port(variable, "SE_POSTGRES_PORT", DefaultPorts.Postgres),
        CachePort = Port(variable, "SE_CACHE_PORT", DefaultPorts.Cache),
        Configuration = variable("SE_CONFIGURATION") ?? "Debug",
        OtlpEndpoint = variable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } endpoint ? endpoint : null,
        OtlpProtocol = variable("OTEL_EXPORTER_OTLP_PROTOCOL") is { Length: > 0 } protocol ? protocol : null,
    };

    /// <summary>A throw-away stack (tests, benchmarks): every port free right now, data in <paramref name="dataDirectory"/>.</summary>
    public static LocalStackOptions OnFreePorts(string repositoryRoot, string dataDirectory, string configuration, bool durable) => new()
    {
        RepositoryRoot = repositoryRoot,
        DataDirectory = dataDirectory,
        WebPort = FreePort.Next(),
        ApiPort = FreePort.Next(),
        WorkersPort = FreePort.Next(),
        PostgresPort = FreePort.Next(),
        CachePort = FreePort.Next(),
        Durable = durable,
        Configuration = configuration,
    };

    private static int Port(Func<string, string?> variable, string name, int fallback)
    {
        var value = variable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new ArgumentException($"{name} must be a port number between 1 and 65535, not '{value}'.");
    }
}
