namespace SocialEnterprise.LocalServers;

/// <summary>One Redis server run as a child process on its own port and data folder, for tests and benchmarks.</summary>
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

    /// <summary>A StackExchange.Redis connection string, in the form the AppHost injects.</summary>
    public string ConnectionString => LocalRedis.ConnectionString(Port, Password);

    /// <param name="durable">Keep the data in an append-only file across restarts; tests of a plain cache need not.</param>
    public static async Task<RedisServer> StartAsync(
        string dataDirectory, int port, string password, ServerLog log, bool durable, CancellationToken cancellationToken)
    {
        var command = LocalRedis.Prepare(dataDirectory, port, password, durable);
        var server = new RedisServer(ChildProcess.Start("redis", command, log), port, password);
        try
        {
            await server._process.WaitUntilReadyAsync(token => LocalRedis.AnswersPingAsync(port, password, token), TimeSpan.FromSeconds(30), cancellationToken);
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
}
