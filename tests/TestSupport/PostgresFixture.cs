using Npgsql;
using SocialEnterprise.LocalServers;

namespace SocialEnterprise.TestSupport;

/// <summary>
/// A real PostgreSQL server from the machine's packages, on a free port and a fresh data folder that is removed
/// afterwards. Each test class takes its own database from it, so tests never see each other's rows.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private string _directory = "";

    public PostgresServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _directory = TestDirectories.New("postgres");
        Server = await PostgresServer.StartAsync(
            Path.Combine(_directory, "data"), FreePort.Next(), Guid.NewGuid().ToString("N"), TestLog.Instance,
            durable: false, CancellationToken.None);
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(Server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return Server.ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await Server.DisposeAsync();
        }

        TestDirectories.Delete(_directory);
    }
}
