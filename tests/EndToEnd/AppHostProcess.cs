using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using SocialEnterprise.LocalServers;

namespace SocialEnterprise.EndToEnd;

/// <summary>
/// The AppHost as <c>./run.sh</c> runs it — its own process, the launch profile's settings, the dashboard on — but on free
/// ports and a throw-away data folder, with a marker in its environment that every process it starts inherits.
/// </summary>
public sealed partial class AppHostProcess : IAsyncDisposable
{
    public const string Ready = "Social Enterprise is ready";
    private const string MarkerVariable = "SE_TEST_RUN";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppHostProcess(Process process, string marker, IReadOnlyList<int> ports)
    {
        _process = process;
        Marker = marker;
        ServerPorts = ports;
    }

    /// <summary>The value of <see cref="MarkerVariable"/> in the environment of everything this AppHost started.</summary>
    public string Marker { get; }

    /// <summary>The ports chosen for its local servers: PostgreSQL, Redis.</summary>
    public IReadOnlyList<int> ServerPorts { get; }

    /// <summary>What the banner printed once everything was healthy: Dashboard, Workspace, Api, Workers → address.</summary>
    public IReadOnlyDictionary<string, Uri> Banner { get; private set; } = new Dictionary<string, Uri>();

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<AppHostProcess> StartAsync(string repositoryRoot, string configuration, string dataDirectory, string marker, CancellationToken cancellationToken)
    {
        var (dashboard, otlp, resourceService, postgres, cache) = (FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
        var appHostDirectory = Path.Combine(repositoryRoot, "AppHost");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The content root, as with dotnet run: the AppHost's appsettings.json applies.
            WorkingDirectory = appHostDirectory,
            Environment =
            {
                // The launch profile's settings (Properties/launchSettings.json), on free ports (which Aspire randomises again).
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = Url(dashboard),
                ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = Url(otlp),
                ["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = Url(resourceService),
                ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
                [MarkerVariable] = marker,
            },
        };
        info.ArgumentList.Add(Path.Combine(appHostDirectory, "bin", configuration, "net10.0", "SocialEnterprise.AppHost.dll"));
        foreach (var argument in new[]
        {
            // The documented ports may be in use by a developer's own AppHost: free ones here, and Aspire picks the rest.
            "--DcpPublisher:RandomizePorts=true",
            $"--AppHost:ApiPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--AppHost:WorkersPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            $"--AppHost:WebPort={FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            "--AppHost:LocalServers=true",
            $"--AppHost:DataDirectory={dataDirectory}",
            $"--AppHost:PostgresPort={postgres.ToString(CultureInfo.InvariantCulture)}",
            $"--AppHost:CachePort={cache.ToString(CultureInfo.InvariantCulture)}",
            "--AppHost:Durable=false",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var appHost = new AppHostProcess(process, marker, [postgres, cache]);
        process.OutputDataReceived += (_, line) => appHost.Observe(line.Data);
        process.ErrorDataReceived += (_, line) => appHost.Observe(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(appHost._ready.Task, exited, Task.Delay(TimeSpan.FromMinutes(3), cancellationToken));
        if (first != appHost._ready.Task)
        {
            var output = appHost.Output;
            await appHost.DisposeAsync();
            throw new InvalidOperationException($"The AppHost did not get ready:\n{output}");
        }

        // The banner's lines follow its first line.
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        appHost.Banner = BannerLine().Matches(appHost.Output).ToDictionary(match => match.Groups["name"].Value, match => new Uri(match.Groups["url"].Value));
        return appHost;
    }

    /// <summary>Sends SIGTERM, as a service manager or a closing IDE does (Ctrl-C is SIGINT, the same path), and returns the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Every process whose environment carries this AppHost's marker: the orchestrator, servers and services it started.</summary>
    public List<string> ProcessesLeft() =>
        Directory.GetDirectories("/proc")
            .Where(folder => int.TryParse(Path.GetFileName(folder), out _))
            .Where(folder => Read(Path.Combine(folder, "environ")).Contains($"{MarkerVariable}={Marker}\0", StringComparison.Ordinal))
            .Select(folder => $"{Path.GetFileName(folder)}: {Read(Path.Combine(folder, "cmdline")).Replace('\0', ' ')}")
            .ToList();

    public static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string Url(int port) => $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private void Observe(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains(Ready, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }

    [GeneratedRegex(@"^  (?<name>Dashboard|Workspace|Api|Workers) +(?<url>http\S+)", RegexOptions.Multiline)]
    private static partial Regex BannerLine();
}
