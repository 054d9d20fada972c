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
    /// <summary>The name of the database's health check (Aspire's EF Core integration names it after the context).</summary>
    public const string HealthCheckName = nameof(CrmDbContext);

    /// <summary>
    /// Registers the CRM database from <c>ConnectionStrings:crmdb</c> (what the AppHost injects) with Aspire's client
    /// integrations: one <see cref="NpgsqlDataSource"/> with Npgsql's traces and metrics, and a pooled
    /// <see cref="CrmDbContext"/> on it, enriched with retries on transient failures and a health check.
    /// </summary>
    public static TBuilder AddCrmDatabase<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        RequiredConnectionString.Of(builder.Configuration, Resources.Database, "a PostgreSQL connection string");

        // One check is enough: the context's (below) goes through this same data source.
        builder.AddNpgsqlDataSource(Resources.Database,
            settings => settings.DisableHealthChecks = true,
            dataSource => dataSource.ConfigureTracing(tracing => tracing.EnableFirstResponseEvent(false)));
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddDbContextPool<CrmDbContext>((services, options) => options.UseCrmDatabase(services.GetRequiredService<NpgsqlDataSource>()));
        builder.EnrichNpgsqlDbContext<CrmDbContext>();
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

    /// <summary>The CRM database on a data source, with snake_case names (the services' retries come from Aspire's enrichment).</summary>
    public static DbContextOptionsBuilder UseCrmDatabase(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource).UseSnakeCaseNamingConvention();

    /// <summary>Options for a <see cref="CrmDbContext"/> outside dependency injection (tools, tests, benchmarks).</summary>
    public static DbContextOptions<CrmDbContext> CrmDatabaseOptions(string connectionString) =>
        new DbContextOptionsBuilder<CrmDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure())
            .UseSnakeCaseNamingConvention()
            .Options;
}
