using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SocialEnterprise.Infrastructure.Persistence;

/// <summary>
/// Applies the migrations when its owner (the Api) starts, before the host serves anything. PostgreSQL may still be
/// starting, so connection failures are retried by the execution strategy and, beyond it, for up to a minute.
/// </summary>
public sealed partial class CrmDatabaseMigrator(
    IServiceScopeFactory scopes, TimeProvider time, ILogger<CrmDatabaseMigrator> logger) : IHostedService
{
    public static readonly ActivitySource ActivitySource = new("SocialEnterprise.Migrations");

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("Migrating the CRM database");
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
                var applied = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
                {
                    // Npgsql asks whether the history table exists by querying it: on a new database that query fails and
                    // EF Core logs it as an error (two red marks in the dashboard on every first start). Create it first,
                    // where the database exists (the AppHost creates it; elsewhere the migration creates it).
                    if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(token))
                    {
                        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), token);
                        await RefuseUnknownHistoryAsync(db, token);
                    }

                    var pending = (await db.Database.GetPendingMigrationsAsync(token)).ToList();
                    await db.Database.MigrateAsync(token);
                    return pending;
                }, cancellationToken);
                LogMigrated(logger, applied.Count, string.Join(", ", applied));
                activity?.SetTag("migrations.applied", applied.Count);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested
                                              && time.GetElapsedTime(started) < GiveUpAfter
                                              && exception is not InvalidOperationException)
            {
                LogWaiting(logger, attempt, exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), time, cancellationToken);
            }
            catch (Exception exception)
            {
                activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
                throw;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // A database migrated by migrations this build no longer has (those squashed into the baseline on 2026-12-07)
    // cannot be brought up to date: say so plainly instead of failing on the first CREATE TABLE.
    private static async Task RefuseUnknownHistoryAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(id => !known.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The CRM database '{db.Database.GetDbConnection().Database}' was migrated by migrations this build does not have " +
                $"({string.Join(", ", unknown)}); they were squashed into one baseline. Drop the database (locally: delete .data/) " +
                "and start again so it is created from the baseline.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CRM database is up to date ({Count} migrations applied: {Migrations})")]
    private static partial void LogMigrated(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CRM database not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void LogWaiting(ILogger logger, int attempt, string reason);
}
