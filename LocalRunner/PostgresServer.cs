using System.Diagnostics;

namespace SocialEnterprise.LocalRunner;

/// <summary>
/// A PostgreSQL server from the machine's own packages, run as a child process on its own port and data folder.
/// PostgreSQL refuses to run as root, so under root it runs as the <c>postgres</c> user that Debian's package creates.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Superuser = "postgres";

    private readonly ChildProcess _process;

    private PostgresServer(ChildProcess process, int port, string password)
    {
        _process = process;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    /// <summary>A connection string in the form an Aspire AppHost injects, for <paramref name="database"/>.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={Superuser};Password={Password};Database={database}";

    /// <param name="durable">False for throw-away test clusters: no fsync, much faster, lost on a machine crash.</param>
    public static async Task<PostgresServer> StartAsync(
        string dataDirectory, int port, string password, RunnerLog log, bool durable, CancellationToken cancellationToken)
    {
        var bin = FindBinaries();
        var runAs = OperatingSystemUser.IsRoot ? Superuser : null;
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The local runner starts PostgreSQL the Linux way; on Windows use the Aspire AppHost.");
        }

        Directory.CreateDirectory(dataDirectory);
        if (runAs is not null)
        {
            OperatingSystemUser.GrantTraverse(dataDirectory, runAs);
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(bin, dataDirectory, password, runAs, log, cancellationToken);
        }

        string[] settings =
        [
            "-D", dataDirectory,
            "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=",
            "-c", "max_connections=200",
            .. durable ? Array.Empty<string>() : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
        ];
        var process = OperatingSystemUser.Start("postgres", Path.Combine(bin, "postgres"), settings, runAs, log, ChildProcess.SigInt);
        var server = new PostgresServer(process, port, password);
        try
        {
            await WaitUntilAcceptingAsync(server, bin, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>The newest PostgreSQL server installed from Debian's packages, else the one on PATH.</summary>
    public static string FindBinaries()
    {
        const string debianRoot = "/usr/lib/postgresql";
        var debian = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")) && File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
        if (debian is not null)
        {
            return debian;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "postgres")) && File.Exists(Path.Combine(dir, "initdb")));
        return onPath ?? throw new PrerequisiteMissingException(
            "PostgreSQL server is not installed. On Debian or Ubuntu: sudo apt-get install -y postgresql");
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static async Task InitializeAsync(
        string bin, string dataDirectory, string password, string? runAs, RunnerLog log, CancellationToken cancellationToken)
    {
        log.Line("postgres", $"initialising a new cluster in {dataDirectory}");
        var passwordFile = Path.Combine(dataDirectory, "..", $".pgpass-init-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            if (runAs is not null)
            {
                OperatingSystemUser.GiveTo(passwordFile, runAs);
            }

            await using var initdb = OperatingSystemUser.Start("initdb", Path.Combine(bin, "initdb"),
                ["-D", dataDirectory, "-U", Superuser, "--pwfile", passwordFile, "--auth", "scram-sha-256",
                 "--encoding", "UTF8", "--no-locale", "--no-instructions"],
                runAs, log);
            await initdb.WaitForExitAsync(cancellationToken);
            if (initdb.ExitCode != 0)
            {
                throw new InvalidOperationException($"initdb failed with exit code {initdb.ExitCode}; see the lines above.");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private static async Task WaitUntilAcceptingAsync(PostgresServer server, string bin, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (server._process.HasExited)
            {
                throw new InvalidOperationException($"PostgreSQL exited during start-up (exit code {server._process.ExitCode}); see the lines above.");
            }

            // pg_isready, unlike an open port, also waits out crash recovery after an unclean stop.
            using var probe = Process.Start(new ProcessStartInfo(Path.Combine(bin, "pg_isready"), ["-q", "-h", "127.0.0.1", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                UseShellExecute = false,
            })!;
            await probe.WaitForExitAsync(cancellationToken);
            if (probe.ExitCode == 0)
            {
                return;
            }

            if (started.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new TimeoutException($"PostgreSQL did not accept connections on port {server.Port} within 90 s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}

/// <summary>Something the machine must have installed is missing; the message says what to install.</summary>
public sealed class PrerequisiteMissingException(string message) : Exception(message);
