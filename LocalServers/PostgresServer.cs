namespace SocialEnterprise.LocalServers;

/// <summary>
/// One PostgreSQL server run as a child process on its own port and data folder, for tests and benchmarks that need a
/// database and nothing else (the whole stack runs under the AppHost).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private PostgresServer(ChildProcess process, int port, string password)
    {
        _process = process;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string Password { get; }

    /// <summary>A connection string in the form the AppHost injects, for <paramref name="database"/>.</summary>
    public string ConnectionString(string database) => LocalPostgres.ConnectionString(Port, Password, database);

    /// <param name="durable">False for throw-away test clusters: no fsync, much faster, lost on a machine crash.</param>
    public static async Task<PostgresServer> StartAsync(
        string dataDirectory, int port, string password, ServerLog log, bool durable, CancellationToken cancellationToken)
    {
        await LocalPostgres.EnsureClusterAsync(dataDirectory, password, line => log.Line("postgres", line), cancellationToken);
        var command = LocalPostgres.ServerCommand(dataDirectory, port, durable);
        var server = new PostgresServer(ChildProcess.Start("postgres", command, log), port, password);
        try
        {
            // pg_isready, unlike an open port, also waits out crash recovery after an unclean stop.
            await server._process.WaitUntilReadyAsync(token => LocalPostgres.IsReadyAsync(port, token), TimeSpan.FromSeconds(90), cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops the server (a fast shutdown), as an outage would.</summary>
    public Task StopAsync() => _process.StopAsync(TimeSpan.FromSeconds(15));

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
