using System.Diagnostics;
using Npgsql;
using SocialEnterprise.LocalServers;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.LocalServers.Tests;

/// <summary>
/// The machine's own PostgreSQL and Redis, as the AppHost runs them: a stop never leaves work for the next start, and
/// no password is ever on a command line.
/// </summary>
public sealed class LocalServersTests
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostgreSQL_stops_fast_on_SIGTERM_even_with_clients_connected_and_starts_again_without_recovery()
    {
        var directory = TestDirectories.New("local-postgres");
        try
        {
            var data = Path.Combine(directory, "data");
            var port = FreePort.Next();
            var password = Guid.NewGuid().ToString("N");
            var firstRun = new StringWriter();
            var server = await PostgresServer.StartAsync(data, port, password, new ServerLog(firstRun, color: false), durable: true, _cancellation);
            // A client that stays: a "smart" shutdown would wait for it until the orchestrator kills the server.
            await using var client = new NpgsqlConnection(server.ConnectionString("postgres"));
            await client.OpenAsync(_cancellation);

            var stopping = Stopwatch.StartNew();
            await server.StopAsync();
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"Stopping took {stopping.Elapsed.TotalSeconds:0.0} s.");
            Assert.Contains("fast shutdown request", firstRun.ToString(), StringComparison.Ordinal);
            await server.DisposeAsync();

            var secondRun = new StringWriter();
            await using (await PostgresServer.StartAsync(data, port, password, new ServerLog(secondRun, color: false), durable: true, _cancellation))
            {
                Assert.DoesNotContain("automatic recovery", secondRun.ToString(), StringComparison.Ordinal);
                Assert.Contains("database system was shut down at", secondRun.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            TestDirectories.Delete(directory);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Redis_reads_its_password_from_a_file_only_its_owner_can_read()
    {
        var directory = TestDirectories.New("local-redis");
        try
        {
            var command = LocalRedis.Prepare(directory, 6390, "s3cret-password", durable: true);

            Assert.Equal([LocalRedis.ConfigurationPath(directory)], command.Arguments);
            Assert.DoesNotContain(command.Arguments, argument => argument.Contains("s3cret", StringComparison.Ordinal));
            var configuration = File.ReadAllText(LocalRedis.ConfigurationPath(directory));
            Assert.Contains("requirepass \"s3cret-password\"", configuration, StringComparison.Ordinal);
            Assert.Contains("appendonly yes", configuration, StringComparison.Ordinal);
            Assert.Contains("bind 127.0.0.1", configuration, StringComparison.Ordinal);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(LocalRedis.ConfigurationPath(directory)));
        }
        finally
        {
            TestDirectories.Delete(directory);
        }
    }

    [Fact]
    public void PostgreSQL_listens_on_loopback_only_and_throw_away_clusters_skip_fsync()
    {
        var durable = LocalPostgres.ServerCommand("/tmp/some/data", 5999, durable: true).Arguments;
        var throwAway = LocalPostgres.ServerCommand("/tmp/some/data", 5999, durable: false).Arguments;

        Assert.Contains("listen_addresses=127.0.0.1", durable);
        Assert.Contains("unix_socket_directories=", durable);
        Assert.DoesNotContain("fsync=off", durable);
        Assert.Contains("fsync=off", throwAway);
    }
}
