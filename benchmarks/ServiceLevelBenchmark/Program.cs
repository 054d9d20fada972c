using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.ServiceLevels;
using SocialEnterprise.LocalServers;
using SocialEnterprise.Shared;

// Starts a private PostgreSQL, writes N running clocks whose warnings fall due from 60 s to 120 s after the start, then
// runs the Workers' clock scheduler (same classes) until every warning has fired, and reads from the database how late
// each one fired (warned_at - warn_at).
var clocks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var configuration = Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
Console.WriteLine(Invariant($"Service-level benchmark ({configuration} build, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC), {clocks:N0} clocks"));
if (configuration != "Release")
{
    Console.WriteLine("  not a Release build: the figures are not representative (dotnet run -c Release ...)");
}

string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
Console.WriteLine($"  load average at start: {Load()}");

var directory = Path.Combine(Path.GetTempPath(), $"socialenterprise-sla-benchmark-{Guid.NewGuid():N}");
var logPath = Path.Combine(Path.GetTempPath(), $"socialenterprise-sla-benchmark-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
await using var logFile = new StreamWriter(logPath) { AutoFlush = true };
var log = new ServerLog(TextWriter.Synchronized(logFile), color: false);
try
{
    await using var postgres = await PostgresServer.StartAsync(
        Path.Combine(directory, "postgres"), FreePort.Next(), Guid.NewGuid().ToString("N"), log, durable: true, CancellationToken.None);
    await using (var admin = new NpgsqlConnection(postgres.ConnectionString("postgres")))
    {
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Resources.Database}", admin);
        await create.ExecuteNonQueryAsync();
    }

    var connectionString = postgres.ConnectionString(Resources.Database);
    await using (var db = new CrmDbContext(CrmDatabaseExtensions.CrmDatabaseOptions(connectionString)))
    {
        await db.Database.MigrateAsync();
    }

    // The clocks stand alone: the benchmark measures the scheduler, not conversations, so their conversation rows are
    // not written (the foreign key is dropped in this private database). Each fired warning still records its event.
    var start = DateTimeOffset.UtcNow;
    await using (var data = NpgsqlDataSource.Create(connectionString))
    {
        var written = Stopwatch.StartNew();
        await using var command = data.CreateCommand("""
            ALTER TABLE service_level_clocks DROP CONSTRAINT IF EXISTS fk_service_level_clocks_conversations_conversation_id;
            INSERT INTO service_level_clocks (id, conversation_id, metric, department, channel, priority, policy, target, started_at, elapsed,
                                              warn_at, due_at, outcome, version, resumed_at)
            SELECT gen_random_uuid(), gen_random_uuid(), 'first-response', 'support', 'email', 'normal', 'standard', interval '1 hour', @start,
                   interval '0', @start + interval '60 seconds' + (i * 60000.0 / @n) * interval '1 millisecond',
                   @start + interval '2 hours', 'running', 0, @start
            FROM generate_series(0, @n - 1) AS i;
            ANALYZE service_level_clocks;
            """);
        command.Parameters.AddWithValue("start", start);
        command.Parameters.AddWithValue("n", clocks);
        await command.ExecuteNonQueryAsync();
        Console.WriteLine(Invariant($"  wrote {clocks:N0} running clocks in {written.Elapsed.TotalSeconds:F1} s; warnings due from +60 s to +120 s"));
    }

    var builder = Host.CreateApplicationBuilder();
    builder.Configuration[$"ConnectionStrings:{Resources.Database}"] = connectionString;
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.AddCrmDatabase();
    builder.Services.AddServiceLevelScheduler();
    using var host = builder.Build();
    var scheduler = host.Services.GetRequiredService<ServiceLevelScheduler>();

    GC.Collect();
    var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
    await scheduler.LoadAsync(null, CancellationToken.None);
    var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine(Invariant($"  load at start: {scheduler.LastLoad.Clocks:N0} clocks, {scheduler.Pending:N0} moments in {scheduler.LastLoad.Took.TotalMilliseconds:F0} ms; queue holds {(memoryAfter - memoryBefore) / 1024.0 / 1024.0:F1} MiB (working set {Environment.WorkingSet / 1024.0 / 1024.0:F0} MiB)"));

    using var stop = new CancellationTokenSource();
    var running = scheduler.RunAsync(stop.Token);
    var deadline = start + TimeSpan.FromSeconds(150);
    await using var check = NpgsqlDataSource.Create(connectionString);
    long warned = 0;
    while (DateTimeOffset.UtcNow < deadline)
    {
        await Task.Delay(1000);
        await using var count = check.CreateCommand("SELECT count(*) FROM service_level_clocks WHERE warned_at IS NOT NULL");
        warned = (long)(await count.ExecuteScalarAsync())!;
        if (warned >= clocks)
        {
            break;
        }
    }

    await stop.CancelAsync();
    await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    await using var figures = check.CreateCommand("""
        SELECT count(*) FILTER (WHERE warned_at IS NOT NULL),
               count(*) FILTER (WHERE warned_at - warn_at <= interval '1 second'),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM warned_at - warn_at)),
               percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM warned_at - warn_at)),
               percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM warned_at - warn_at)),
               max(extract(epoch FROM warned_at - warn_at)),
               min(extract(epoch FROM warned_at - warn_at)),
               (SELECT count(*) FROM event_log WHERE type = 'ServiceLevelWarning')
        FROM service_level_clocks
        """);
    await using var reader = await figures.ExecuteReaderAsync();
    await reader.ReadAsync();
    double Ms(int column) => reader.IsDBNull(column) ? double.NaN : Convert.ToDouble(reader.GetValue(column), CultureInfo.InvariantCulture) * 1000;
    var fired = reader.GetInt64(0);
    var onTime = reader.GetInt64(1);
    Console.WriteLine(Invariant($"  fired {fired:N0} of {clocks:N0} warnings ({reader.GetInt64(7):N0} ServiceLevelWarning events); {onTime:N0} ({100.0 * onTime / clocks:F2} %) within 1 s of their moment"));
    Console.WriteLine(Invariant($"  lateness p50 {Ms(2):F0} ms, p95 {Ms(3):F0} ms, p99 {Ms(4):F0} ms, max {Ms(5):F0} ms (earliest {Ms(6):F0} ms: never before the moment)"));
    Console.WriteLine($"  load average at the end: {Load()}");
    return fired == clocks && onTime == clocks ? 0 : 1;
}
finally
{
    try
    {
        Directory.Delete(directory, recursive: true);
    }
    catch (IOException)
    {
    }
    catch (UnauthorizedAccessException)
    {
    }
}
