using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace SocialEnterprise.LocalServers;

/// <summary>Redis from the machine's packages, on 127.0.0.1 only, with a password and a data folder of its own.</summary>
public static class LocalRedis
{
    public const string ConfigurationFile = "redis.conf";

    /// <summary>A StackExchange.Redis connection string, in the form the AppHost injects (<c>ConnectionStrings__cache</c>).</summary>
    public static string ConnectionString(int port, string password) =>
        $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)},password={password}";

    public static string FindExecutable()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
        return found ?? throw new PrerequisiteMissingException(
            "Redis server is not installed. On Debian or Ubuntu: sudo apt-get install -y redis-server (./run.sh does it when it may).");
    }

    /// <summary>
    /// Writes the server's configuration into <paramref name="dataDirectory"/> (readable by its owner only: it holds the
    /// password, which on a command line anyone could read) and returns the command that runs it.
    /// </summary>
    /// <param name="durable">Keep the data in an append-only file across restarts; throw-away servers need not.</param>
    public static ServerCommand Prepare(string dataDirectory, int port, string password, bool durable)
    {
        var executable = FindExecutable();
        Directory.CreateDirectory(dataDirectory);
        var configuration = ConfigurationPath(dataDirectory);
        File.WriteAllText(configuration, string.Join('\n',
            $"port {port.ToString(CultureInfo.InvariantCulture)}",
            "bind 127.0.0.1",
            $"dir \"{Path.GetFullPath(dataDirectory)}\"",
            $"requirepass \"{password}\"",
            "save \"\"",
            $"appendonly {(durable ? "yes" : "no")}",
            "daemonize no",
            "logfile \"\"",
            ""));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(configuration, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return new ServerCommand(executable, [configuration], Path.GetFullPath(dataDirectory));
    }

    /// <summary>Where <see cref="Prepare"/> writes the configuration the server starts with.</summary>
    public static string ConfigurationPath(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), ConfigurationFile);

    /// <summary>AUTH and PING over a raw socket: true once PONG comes back (a loading server answers -LOADING).</summary>
    public static async Task<bool> AnswersPingAsync(int port, string password, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {password}\r\nPING\r\n"), timeout.Token);
            var buffer = new byte[256];
            var received = new StringBuilder();
            while (!received.ToString().Contains("PONG", StringComparison.Ordinal) && !received.ToString().Contains('-'))
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    break;
                }

                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            return received.ToString().Contains("PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
