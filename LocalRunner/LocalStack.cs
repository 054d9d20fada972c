using System.Diagnostics;
using System.Globalization;
using SocialEnterprise.Shared;
using SocialEnterprise.Simulator.Channels;

namespace SocialEnterprise.LocalRunner;

/// <summary>
/// The whole system on this machine, without Docker or Aspire: PostgreSQL and Redis as local processes, then the
/// Api, Workers and Web with exactly the environment an Aspire AppHost would give them.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(90);

    private readonly List<IAsyncDisposable> _started = [];
    private readonly List<ChildProcess> _services = [];
    private readonly RunnerLog _log;

    private LocalStack(LocalStackOptions options, DevelopmentSecrets secrets, RunnerLog log)
    {
        Options = options;
        Secrets = secrets;
        _log = log;
    }

    public LocalStackOptions Options { get; }

    public DevelopmentSecrets Secrets { get; }

    public Uri WebUrl => Loopback(Options.WebPort);

    public Uri ApiUrl => Loopback(Options.ApiPort);

    public Uri WorkersUrl => Loopback(Options.WorkersPort);

    public PostgresServer Postgres { get; private set; } = null!;

    public RedisServer Cache { get; private set; } = null!;

    /// <summary>The development channel sandbox the Workers deliver replies to (it reports them delivered to the Api).</summary>
    public ChannelSandbox Channels { get; private set; } = null!;

    public static async Task<LocalStack> StartAsync(LocalStackOptions options, RunnerLog log, CancellationToken cancellationToken)
    {
        var secrets = DevelopmentSecrets.LoadOrCreate(options.DataDirectory);
        var stack = new LocalStack(options, secrets, log);
        try
        {
            await stack.StartAllAsync(cancellationToken);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes when any service exits on its own, with its name.</summary>
    public async Task<string> WaitForAnyExitAsync(CancellationToken cancellationToken)
    {
        var exits = _services.Select(async service =>
        {
            await service.WaitForExitAsync(cancellationToken);
            return service.Name;
        });
        return await await Task.WhenAny(exits);
    }

    public async ValueTask DisposeAsync()
    {
        // Services first, newest first, so nothing loses its database while still working.
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].DisposeAsync();
        }

        _started.Clear();
    }

    private async Task StartAllAsync(CancellationToken cancellationToken)
    {
        var postgres = PostgresServer.StartAsync(
            Path.Combine(Options.DataDirectory, Resources.Postgres), Options.PostgresPort, Secrets.PostgresPassword,
            _log, Options.Durable, cancellationToken);
        var cache = RedisServer.StartAsync(
            Path.Combine(Options.DataDirectory, Resources.Cache), Options.CachePort, Secrets.CachePassword,
            _log, Options.Durable, cancellationToken);
        try
        {
            await Task.WhenAll(postgres, cache);
        }
        finally
        {
            // Whichever came up must be stopped again if the other did not.
            if (postgres.IsCompletedSuccessfully)
            {
                _started.Add(postgres.Result);
            }

            if (cache.IsCompletedSuccessfully)
            {
                _started.Add(cache.Result);
            }
        }

        Postgres = await postgres;
        Cache = await cache;

        var database = Postgres.ConnectionString(Resources.Database);

        // As in the AppHost: the Api applies the migrations, so the others wait for it.
        var api = new Dictionary<string, string>
        {
            [$"ConnectionStrings__{Resources.Database}"] = database,
            [$"ConnectionStrings__{Resources.Cache}"] = Cache.ConnectionString,
            [AccessSettings.SigningKey] = Secrets.SigningKey,
            [AccessSettings.SeedDemoCompany] = "true",
            [AccessSettings.SeedDevAdminKey] = AccessSettings.DevAdminKey,
        };
        // Every channel signs with the documented dev-secret, unless its secret is set in the environment.
        foreach (var channel in IngestSettings.Channels.Where(channel => Environment.GetEnvironmentVariable(IngestSettings.SecretOf(channel)) is null))
        {
            api[IngestSettings.SecretOf(channel)] = IngestSettings.DevSecret;
        }

        // Replies leave through the channels' connectors: here one sandbox plays all seven on a free loopback port, and
        // reports each reply delivered back to the Api, signed, as a real channel would.
        var outboundSecrets = IngestSettings.Channels
            .Where(channel => Environment.GetEnvironmentVariable(OutboundSettings.SecretOf(channel)) is null)
            .ToDictionary(OutboundSettings.SecretOf, _ => OutboundSettings.DevSecret);
        Channels = await ChannelSandbox.StartAsync(
            channel => Environment.GetEnvironmentVariable(OutboundSettings.SecretOf(channel)) ?? OutboundSettings.DevSecret,
            new HttpClient { BaseAddress = ApiUrl }, cancellationToken: cancellationToken);
        _started.Add(Channels);
        _log.Line("channels", $"channel sandbox (outbound connectors of every channel) at {Channels.Address}");
        foreach (var (key, value) in outboundSecrets)
        {
            api[key] = value;
        }

        await StartServiceAsync(Resources.Api, "Api", Options.ApiPort, api, cancellationToken);

        var workers = new Dictionary<string, string>(outboundSecrets)
        {
            [$"ConnectionStrings__{Resources.Database}"] = database,
            [$"ConnectionStrings__{Resources.Cache}"] = Cache.ConnectionString,
        };
        foreach (var channel in IngestSettings.Channels.Where(channel => Environment.GetEnvironmentVariable(OutboundSettings.UrlOf(channel)) is null))
        {
            workers[OutboundSettings.UrlOf(channel)] = Channels.UrlOf(channel).ToString();
        }

        await Task.WhenAll(
            StartServiceAsync(Resources.Workers, "Workers", Options.WorkersPort, workers, cancellationToken),
            StartServiceAsync(Resources.Web, "Web", Options.WebPort, new()
            {
                [$"services__{Resources.Api}__http__0"] = ApiUrl.ToString().TrimEnd('/'),
                [$"ConnectionStrings__{Resources.Database}"] = database,
                [$"ConnectionStrings__{Resources.Cache}"] = Cache.ConnectionString,
                [AccessSettings.SigningKey] = Secrets.SigningKey,
            }, cancellationToken));
    }

    private async Task StartServiceAsync(
        string name, string projectFolder, int port, Dictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var projectDirectory = Path.Combine(Options.RepositoryRoot, projectFolder);
        var assembly = Path.Combine(projectDirectory, "bin", Options.Configuration, "net10.0", $"SocialEnterprise.{projectFolder}.dll");
        if (!File.Exists(assembly))
        {
            throw new PrerequisiteMissingException(
                $"{assembly} is not built. Build the solution first: dotnet build SocialEnterprise.sln -c {Options.Configuration}");
        }

        foreach (var (key, value) in AspireEnvironment(name, port).Concat(Options.AdditionalEnvironment))
        {
            environment.TryAdd(key, value);
        }

        var process = ChildProcess.Start(name, "dotnet", [assembly], _log, projectDirectory, environment);
        lock (_started)
        {
            _started.Add(process);
            _services.Add(process);
        }

        await WaitUntilHealthyAsync(process, Loopback(port), cancellationToken);
        _log.Line(name, $"healthy at {Loopback(port)}");
    }

    /// <summary>What an Aspire AppHost injects into every project resource, beside its references.</summary>
    private Dictionary<string, string> AspireEnvironment(string name, int port)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["OTEL_SERVICE_NAME"] = name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Guid.NewGuid()}",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true",
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        };
        if (Options.OtlpEndpoint is not null)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = Options.OtlpEndpoint;
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = Options.OtlpProtocol ?? "grpc";
        }

        return environment;
    }

    private static async Task WaitUntilHealthyAsync(ChildProcess process, Uri baseAddress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.Name} exited during start-up (exit code {process.ExitCode}); see its lines above.");
            }

            try
            {
                using var response = await http.GetAsync("/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            if (started.Elapsed > HealthTimeout)
            {
                throw new TimeoutException($"{process.Name} did not report healthy at {baseAddress}health within {HealthTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private static Uri Loopback(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
}
