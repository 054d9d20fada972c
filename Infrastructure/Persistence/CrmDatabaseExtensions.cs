using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SocialEnterprise.Infrastructure.Notifications;
using SocialEnterprise.Shared;

namespace SocialEnterprise.Infrastructure.Persistence;

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
            dataSource =>
            {
                // The services send the same few hundred statements all day: prepared once per connection, PostgreSQL
                // stops parsing and planning them on every execution.
                dataSource.ConnectionStringBuilder.MaxAutoPrepare = 256;
                dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
                dataSource.ConfigureTracing(tracing => tracing
                .EnableFirstResponseEvent(false)
                // Commands outside any trace are the background loops polling their queues every few seconds: as traces
                // of their own they would bury the ones that matter. Inside a request or a carried event they show.
                .ConfigureCommandFilter(_ => Activity.Current is not null)
                .ConfigureBatchFilter(_ => Activity.Current is not null)
                .ConfigureCommandSpanNameProvider(command => SpanName(command.CommandText))
                .ConfigureBatchSpanNameProvider(batch => batch.BatchCommands.Count > 0 ? $"{SpanName(batch.BatchCommands[0].CommandText)} (batch)" : "batch"));
            });
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

    /// <summary>A SQL statement's span is named by its first keyword (SELECT, INSERT, …): cheap, and says what it did.</summary>
    private static string SpanName(string commandText)
    {
        var text = commandText.AsSpan().TrimStart();
        var end = text.IndexOfAny([' ', '\n', '\r', '\t', '(']);
        return (end < 0 ? text : text[..end]).ToString().ToUpperInvariant() is { Length: > 0 and <= 20 } keyword ? keyword : "SQL";
    }

    /// <summary>
    /// Statements per round trip of a save. EF Core's default (1,000) joins a carried batch's hundreds of inserts into one
    /// command text of several hundred kilobytes: a large-object allocation per save, which made the Workers collect
    /// generation 2 about once a second under load (7 % of the time paused). At 40 the text stays under the large-object
    /// threshold (85,000 bytes) and a batch of 100 events still saves in about fifteen round trips.
    /// </summary>
    public const int StatementsPerRoundTrip = 40;

    /// <summary>The CRM database on a data source, with snake_case names (the services' retries come from Aspire's enrichment).</summary>
    public static DbContextOptionsBuilder UseCrmDatabase(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MaxBatchSize(StatementsPerRoundTrip)).UseSnakeCaseNamingConvention();

    /// <summary>Options for a <see cref="CrmDbContext"/> outside dependency injection (tools, tests, benchmarks).</summary>
    public static DbContextOptions<CrmDbContext> CrmDatabaseOptions(string connectionString) =>
        new DbContextOptionsBuilder<CrmDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure())
            .UseSnakeCaseNamingConvention()
            .Options;
}
