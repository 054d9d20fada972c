using System.Diagnostics;
using System.Globalization;

namespace SocialEnterprise.LocalServers;

/// <summary>
/// PostgreSQL from the machine's packages on a data folder of its own. PostgreSQL refuses to run as root, so under root
/// (CI, containers) it runs as the <c>postgres</c> user that Debian's package creates.
/// </summary>
public static class LocalPostgres
{
    public const string Superuser = "postgres";

    /// <summary>
    /// Turns the orchestrator's SIGTERM (a "smart" shutdown, which waits for every client to disconnect and so ends in a
    /// kill and crash recovery on the next start) into SIGINT, PostgreSQL's fast shutdown: clients are disconnected,
    /// everything is written, the server exits within a second or two.
    /// </summary>
    private const string FastStopWrapper = """
        #!/bin/sh
        # Runs PostgreSQL ("$@") and turns SIGTERM, a smart shutdown that waits for every client, into SIGINT, a fast one.
        # Written by the Social Enterprise AppHost (LocalServers/LocalPostgres.cs) at every start.
        "$@" & server=$!
        trap 'kill -INT "$server" 2>/dev/null' TERM INT
        status=0
        while kill -0 "$server" 2>/dev/null; do wait "$server"; status=$?; done
        exit "$status"

        """;

    private const string FastStopWrapperFile = "postgres-fast-stop.sh";

    private static string? RunAs => OperatingSystemUser.IsRoot ? Superuser : null;

    /// <summary>A connection string in the form the AppHost injects (<c>ConnectionStrings__crmdb</c>).</summary>
    public static string ConnectionString(int port, string password, string database) =>
        $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username={Superuser};Password={password};Database={database}";

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
            "PostgreSQL server is not installed. On Debian or Ubuntu: sudo apt-get install -y postgresql (./run.sh does it when it may).");
    }

    /// <summary>
    /// Makes <paramref name="dataDirectory"/> a PostgreSQL cluster whose superuser has <paramref name="password"/>, unless it
    /// is one already (then nothing changes: a second start keeps the data). Under root the folder is given to the
    /// <c>postgres</c> user and every folder above it made passable.
    /// </summary>
    public static async Task EnsureClusterAsync(string dataDirectory, string password, Action<string> log, CancellationToken cancellationToken)
    {
        var bin = FindBinaries();
        Directory.CreateDirectory(dataDirectory);
        if (RunAs is { } user && !OperatingSystem.IsWindows())
        {
            OperatingSystemUser.GrantTraverse(dataDirectory, user);
        }

        var wrapper = WrapperPath(dataDirectory);
        await File.WriteAllTextAsync(wrapper, FastStopWrapper.ReplaceLineEndings("\n"), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            // Read by the server's user (its folder is passable, not listable).
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }

        log($"initialising a new cluster in {dataDirectory}");
        var passwordFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!, $".pgpass-init-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            if (RunAs is { } owner && !OperatingSystem.IsWindows())
            {
                OperatingSystemUser.GiveTo(passwordFile, owner);
            }

            var initdb = RunAsCommand(Path.Combine(bin, "initdb"),
                ["-D", dataDirectory, "-U", Superuser, "--pwfile", passwordFile, "--auth", "scram-sha-256",
                 "--encoding", "UTF8", "--no-locale", "--no-instructions"]);
            var exitCode = await RunAsync(initdb, log, cancellationToken);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"initdb failed with exit code {exitCode}; see its output above.");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>
    /// The server on 127.0.0.1:<paramref name="port"/> only (no Unix socket), stopped fast on SIGTERM; run it after
    /// <see cref="EnsureClusterAsync"/>.
    /// </summary>
    /// <param name="durable">False for throw-away clusters (tests): no fsync, much faster, lost on a machine crash.</param>
    public static ServerCommand ServerCommand(string dataDirectory, int port, bool durable)
    {
        string[] settings =
        [
            "-D", dataDirectory,
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=",
            "-c", "max_connections=200",
            .. durable ? Array.Empty<string>() : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
            // What each statement costs, for operators and the ingest benchmark (CREATE EXTENSION pg_stat_statements to read it).
            .. HasStatementStatistics() ? ["-c", "shared_preload_libraries=pg_stat_statements"] : Array.Empty<string>(),
        ];
        return RunAsCommand("/bin/sh", [WrapperPath(dataDirectory), Path.Combine(FindBinaries(), "postgres"), .. settings]);
    }

    private static bool HasStatementStatistics() =>
        File.Exists(Path.Combine(FindBinaries(), "..", "lib", "pg_stat_statements.so"));

    /// <summary>Beside the data folder: written by <see cref="EnsureClusterAsync"/>, run by <see cref="ServerCommand"/>.</summary>
    private static string WrapperPath(string dataDirectory) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(dataDirectory))!, FastStopWrapperFile);

    /// <summary>True once the server accepts connections (after any crash recovery): <c>pg_isready</c>, not an open port.</summary>
    public static async Task<bool> IsReadyAsync(int port, CancellationToken cancellationToken)
    {
        using var probe = Process.Start(new ProcessStartInfo(
            Path.Combine(FindBinaries(), "pg_isready"), ["-q", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        })!;
        await probe.WaitForExitAsync(cancellationToken);
        return probe.ExitCode == 0;
    }

    /// <summary>Through <c>setpriv</c> as <c>postgres</c> under root (it execs, so the pid stays the program's own).</summary>
    private static ServerCommand RunAsCommand(string fileName, IReadOnlyList<string> arguments) =>
        RunAs is { } user
            ? new ServerCommand("setpriv", ["--reuid", user, "--regid", user, "--init-groups", "--", fileName, .. arguments], "/")
            : new ServerCommand(fileName, arguments, "/");

    private static async Task<int> RunAsync(ServerCommand command, Action<string> log, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(command.FileName, command.Arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = command.WorkingDirectory,
        };
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) log(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) log(line.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }
}
