using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace SocialEnterprise.LocalRunner;

/// <summary>A Redis server from the machine's own packages, run as a child process on its own port and data folder.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private RedisServer(ChildProcess process, int port, string password)
    {
        _process = process;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    /// <summary>A StackExchange.Redis connection string, in the form an Aspire AppHost injects.</summary>
    public string ConnectionString => $"127.0.0.1:{Port},password={Password}";

    /// <param name="durable">Keep the data in an append-only file across restarts (the local runner); tests need not.</param>
    public static async Task<RedisServer> StartAsync(
        string dataDirectory, int port, string password, RunnerLog log, bool durable, CancellationToken cancellationToken)
    {
        var executable = FindExecutable();
        Directory.CreateDirectory(dataDirectory);
        string[] arguments =
        [
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", Path.GetFullPath(dataDirectory),
            "--requirepass", password,
            "--save", "",
            "--appendonly", durable ? "yes" : "no",
            "--daemonize", "no",
            "--logfile", "",
        ];
        var server = new RedisServer(ChildProcess.Start("redis", executable, arguments, log), port, password);
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops the server, as an outage would (tests of the fallback use it).</summary>
    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(10));

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    public static string FindExecutable()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);
        return found ?? throw new PrerequisiteMissingException(
            "Redis server is not installed. On Debian or Ubuntu: sudo apt-get install -y redis-server");
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        while (!await AnswersPingAsync(cancellationToken))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Redis exited during start-up (exit code {_process.ExitCode}); see the lines above.");
            }

            if (started.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Redis did not answer on port {Port} within 30 s.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>AUTH and PING over a raw socket: a loading server (replaying its append-only file) answers -LOADING.</summary>
    private async Task<bool> AnswersPingAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {Password}\r\nPING\r\n"), timeout.Token);
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
