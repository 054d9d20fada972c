using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialEnterprise.LocalServers;
using SocialEnterprise.Shared;

namespace SocialEnterprise.StackSupport;

/// <summary>How to start a stack through the AppHost for a test run or a benchmark.</summary>
public sealed record AspireStackOptions
{
    /// <summary>The local PostgreSQL cluster and Redis data; the caller creates and removes it.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>False for test runs: PostgreSQL without fsync, Redis without its append-only file.</summary>
    public bool Durable { get; init; }

    /// <summary>Where the stack's logs go (every resource's console, the orchestrator's); nowhere when null.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>How many Workers processes the AppHost starts (<c>AppHost:WorkersReplicas</c>).</summary>
    public int WorkersReplicas { get; init; } = 1;

    /// <summary>Settings given to some services on top of the AppHost's: resource name, variable, value.</summary>
    public IReadOnlyList<(string Resource, string Name, string Value)> Environment { get; init; } = [];
}

/// <summary>
/// The system as the AppHost describes it, started by Aspire.Hosting.Testing — the same resources, settings and order as
/// <c>./run.sh</c> — with the machine's own PostgreSQL and Redis on free ports, the services on ports Aspire picks, and
/// the data in a folder of the caller's, so that a developer's running AppHost is not disturbed.
/// </summary>
public sealed class AspireStack : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private AspireStack(DistributedApplication app) => App = app;

    public DistributedApplication App { get; }

    public Uri WebUrl { get; private set; } = null!;

    public Uri ApiUrl { get; private set; } = null!;

    public Uri WorkersUrl { get; private set; } = null!;

    /// <summary>The development channel sandbox every reply is delivered to.</summary>
    public Uri ChannelsUrl { get; private set; } = null!;

    /// <summary>The <c>crmdb</c> connection string, as the services get it.</summary>
    public string DatabaseConnectionString { get; private set; } = "";

    /// <summary>Redis's connection string, as the services get it.</summary>
    public string CacheConnectionString { get; private set; } = "";

    /// <summary>The key the workspace signs its calls to the Api with (the AppHost's <c>signing-key</c> parameter).</summary>
    public string SigningKey { get; private set; } = "";

    public static async Task<AspireStack> StartAsync(AspireStackOptions options, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "--AppHost:LocalServers=true",
            $"--AppHost:DataDirectory={options.DataDirectory}",
            $"--AppHost:ApiPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--AppHost:WorkersPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--AppHost:WebPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--AppHost:PostgresPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--AppHost:CachePort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--AppHost:Durable={options.Durable}",
            "--AppHost:ChannelSandbox=true",
            $"--AppHost:WorkersReplicas={options.WorkersReplicas.ToString(CultureInfo.InvariantCulture)}",
        ];
        using var starting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        starting.CancelAfter(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.SocialEnterprise_AppHost>(arguments, starting.Token);
        builder.Services.AddLogging(logging =>
        {
            logging.ClearProviders();
            if (options.Log is not null)
            {
                logging.AddProvider(new TextWriterLoggerProvider(options.Log));
            }
        });
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            // No dashboard here to receive telemetry: exporters would only queue it in memory and retry.
            builder.CreateResourceBuilder(project).WithEnvironment(context =>
            {
                context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
                context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_PROTOCOL");
            });
        }

        foreach (var (resource, name, value) in options.Environment)
        {
            var project = builder.Resources.OfType<ProjectResource>().Single(candidate => candidate.Name == resource);
            builder.CreateResourceBuilder(project).WithEnvironment(name, value);
        }

        var app = await builder.BuildAsync(starting.Token);
        var stack = new AspireStack(app);
        try
        {
            await app.StartAsync(starting.Token);
            foreach (var service in new[] { Resources.Api, Resources.Workers, Resources.Web, Resources.Channels })
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(service, starting.Token);
            }

            stack.WebUrl = Endpoint(app, Resources.Web);
            stack.ApiUrl = Endpoint(app, Resources.Api);
            stack.WorkersUrl = Endpoint(app, Resources.Workers);
            stack.ChannelsUrl = Endpoint(app, Resources.Channels);
            stack.DatabaseConnectionString = await app.GetConnectionStringAsync(Resources.Database, starting.Token)
                ?? throw new InvalidOperationException($"{Resources.Database} has no connection string.");
            stack.CacheConnectionString = await app.GetConnectionStringAsync(Resources.Cache, starting.Token)
                ?? throw new InvalidOperationException($"{Resources.Cache} has no connection string.");
            stack.SigningKey = await app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>()
                .Single(parameter => parameter.Name == AccessSettings.SigningKeyParameter).GetValueAsync(starting.Token) ?? "";
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The operating-system processes of a project resource started as <paramref name="replicas"/> replicas, once each
    /// runs (benchmarks read their CPU time): the service's own executables, not the <c>dotnet run</c> that launched
    /// them, and this stack's, not another's.
    /// </summary>
    public async Task<IReadOnlyList<System.Diagnostics.Process>> ProcessesOfAsync(string resource, int replicas, CancellationToken cancellationToken)
    {
        var executable = $"/SocialEnterprise.{char.ToUpperInvariant(resource[0])}{resource[1..]}";
        // This stack's, not another's: the orchestrator gives each its own Redis address.
        var cache = $"ConnectionStrings__{Resources.Cache}={CacheConnectionString.Split(',')[0]}";
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(StartTimeout);
        while (true)
        {
            var found = Directory.GetDirectories("/proc")
                .Select(Path.GetFileName)
                .Select(name => int.TryParse(name, out var id) ? id : 0)
                .Where(id => id > 0 && CommandLineOf(id).Split(' ')[0].EndsWith(executable, StringComparison.Ordinal) && EnvironmentOf(id).Contains(cache, StringComparison.Ordinal))
                .ToList();
            if (found.Count >= replicas)
            {
                return [.. found.Select(System.Diagnostics.Process.GetProcessById)];
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), waiting.Token);
        }
    }

    private static string EnvironmentOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ").Replace('\0', '\n');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static string CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>Stops every resource (the orchestrator waits until each process is gone).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await App.StopAsync(stopping.Token);
        }
        finally
        {
            await App.DisposeAsync();
        }
    }

    private static Uri Endpoint(DistributedApplication app, string resource)
    {
        var url = app.GetEndpoint(resource, "http");
        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    /// <summary>Every log line to one writer, with its category: the orchestrator's and each resource's console.</summary>
    private sealed class TextWriterLoggerProvider(TextWriter writer) : ILoggerProvider
    {
        private readonly TextWriter _writer = TextWriter.Synchronized(writer);

        public ILogger CreateLogger(string categoryName) => new Logger(_writer, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(TextWriter writer, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    writer.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {category}: {formatter(state, exception)}{(exception is null ? "" : $" {exception}")}");
                }
            }
        }
    }
}
