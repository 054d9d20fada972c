using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.TestSupport;

[assembly: AssemblyFixture(typeof(PostgresFixture))]
[assembly: AssemblyFixture(typeof(RedisFixture))]

namespace SocialEnterprise.Workers.IntegrationTests;

/// <summary>A database of the test class's own, with the schema the Api would have migrated.</summary>
public sealed class MigratedDatabase(PostgresFixture postgres) : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await postgres.CreateDatabaseAsync();
        await using var db = NewDbContext();
        await db.Database.MigrateAsync();
    }

    public CrmDbContext NewDbContext() => new(CrmDatabaseExtensions.CrmDatabaseOptions(ConnectionString));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
