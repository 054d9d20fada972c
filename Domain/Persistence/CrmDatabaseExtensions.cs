using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SocialEnterprise.Domain.Notifications;
using SocialEnterprise.Shared;

namespace SocialEnterprise.Domain.Persistence;

public static class CrmDatabaseExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// Registers the CRM database from <c>ConnectionStrings:crmdb</c> (what an Aspire AppHost injects): one
    /// <see cref="NpgsqlDataSource"/>, a pooled <see cref="CrmDbContext"/> that retries transient failures and a
    /// readiness check.
    /// </summary>
    public static TBuilder AddCrmDatabase<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var connectionString = RequiredConnectionString.Of(builder.Configuration, Resources.Database, "a PostgreSQL connection string");

        var dataSource = new NpgsqlDataSourceBuilder(connectionString)
            .ConfigureTracing(tracing => tracing.EnableFirstResponseEvent(false))
            .Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddDbContextPool<CrmDbContext>(options => options.UseCrmDatabase(dataSource));

        builder.Services.AddHealthChecks().AddDbContextCheck<CrmDbContext>(Resources.Postgres, tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Listens to the database's notifications (one connection), for the services that follow the event log or drain a
    /// queue; requires <see cref="AddCrmDatabase"/>.
    /// </summary>
    public static TBuilder AddCrmNotifications<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton<PostgresNotifications>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PostgresNotifications>());
        return builder;
    }

    /// <summary>The one way the CRM database is configured: Npgsql with retries on transient failures, snake_case names.</summary>
    public static DbContextOptionsBuilder UseCrmDatabase(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.EnableRetryOnFailure()).UseSnakeCaseNamingConvention();

    /// <summary>Options for a <see cref="CrmDbContext"/> outside dependency injection (tools, tests, benchmarks).</summary>
    public static DbContextOptions<CrmDbContext> CrmDatabaseOptions(string connectionString) =>
        new DbContextOptionsBuilder<CrmDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure())
            .UseSnakeCaseNamingConvention()
            .Options;
}
