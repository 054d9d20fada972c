using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.LocalServers;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Persistence;

public sealed class MigrationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Api_migrates_its_database_as_it_starts_and_the_model_matches_the_migrations()
    {
        await using var db = api.NewDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(_cancellation));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(_cancellation));
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task The_migrator_waits_for_a_PostgreSQL_that_is_still_starting()
    {
        var directory = TestDirectories.New("late-postgres");
        var port = FreePort.Next();
        var password = Guid.NewGuid().ToString("N");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{Resources.Database}"] =
            $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=late";
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddCrmDatabase();
        builder.Services.AddHostedService<CrmDatabaseMigrator>();
        using var host = builder.Build();

        var starting = host.StartAsync(_cancellation);
        await Task.Delay(TimeSpan.FromSeconds(2), _cancellation);
        Assert.False(starting.IsCompleted, "The host must not start serving before its database is migrated.");

        await using var postgres = await PostgresServer.StartAsync(
            Path.Combine(directory, "data"), port, password, TestLog.Instance, durable: false, _cancellation);
        await starting.WaitAsync(TimeSpan.FromSeconds(60), _cancellation);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(_cancellation));
        }

        await host.StopAsync(_cancellation);
        TestDirectories.Delete(directory);
    }
}
