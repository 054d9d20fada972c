using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialEnterprise.Contracts.Reports;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Reports;
using SocialEnterprise.LocalServers;

// Starts a private PostgreSQL, migrates it as the Api does, fills it with a year of service-level clocks (a million
// by default), surveys and conversations, then times the SLA report the way GET /api/reports/service-levels reads it
// (the same code, in process) for an admin and a manager over 30, 90 and 366 days, and the CSV export's rows.
var clocks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var configuration = Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

Console.WriteLine(Invariant($"Report benchmark ({configuration} build, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC): {clocks:N0} clocks, {runs} runs per case"));
Console.WriteLine($"  load average at start: {(File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown")}");

// Ctrl-C, SIGTERM and a closed terminal cancel the run, so that the await using below stops PostgreSQL.
using var cancellation = new CancellationTokenSource();

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    cancellation.Cancel();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);

var cancellationToken = cancellation.Token;

var directory = Path.Combine(Path.GetTempPath(), $"socialenterprise-report-benchmark-{Guid.NewGuid():N}");
Directory.CreateDirectory(directory);
try
{
    var log = new ServerLog(TextWriter.Null, color: false);
    await using var postgres = await PostgresServer.StartAsync(
        Path.Combine(directory, "data"), FreePort.Next(), Guid.NewGuid().ToString("N"), log, durable: true, cancellationToken);
    await using (var admin = new NpgsqlConnection(postgres.ConnectionString("postgres")))
    {
        await admin.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand("CREATE DATABASE reports", admin);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    var connectionString = postgres.ConnectionString("reports");
    await using (var db = new CrmDbContext(CrmDatabaseExtensions.CrmDatabaseOptions(connectionString)))
    {
        await db.Database.MigrateAsync(cancellationToken);
    }

    await using var dataSource = NpgsqlDataSource.Create(connectionString);
    var now = DateTimeOffset.UtcNow;
    var watch = Stopwatch.StartNew();
    await GenerateAsync(dataSource, clocks, now, cancellationToken);
    Console.WriteLine(Invariant($"1. Data: {clocks:N0} clocks, {clocks / 5:N0} conversations, {clocks / 10:N0} surveys over 365 days, generated in {watch.Elapsed.TotalSeconds:0.0} s"));

    Console.WriteLine("2. The report (median / max of the runs, after one warm-up run):");
    foreach (var days in new[] { 30, 90, 366 })
    {
        var query = new ServiceLevelReportQuery
        {
            From = now.AddDays(-days).ToString("O", CultureInfo.InvariantCulture),
            To = now.ToString("O", CultureInfo.InvariantCulture),
        };
        var (_, range) = query.Validate(now);
        foreach (var (who, departments) in new (string, IReadOnlyList<string>?)[] { ("admin", null), ("support manager", ["support"]) })
        {
            var times = new List<double>();
            ServiceLevelReport? report = null;
            for (var run = 0; run <= runs; run++)
            {
                watch.Restart();
                report = await ServiceLevelReports.ReadAsync(dataSource, query, range, departments, cancellationToken);
                if (run > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            var counted = report!.Overall.Met + report.Overall.Breached + report.Overall.Open;
            Console.WriteLine(Invariant(
                $"   {days,3} days, {who,-15}: {times[times.Count / 2],6:0} ms median, {times[^1],6:0} ms max  ({counted:N0} clocks counted, {report.Csat.Sent:N0} surveys)"));
        }
    }

    var export = new ServiceLevelReportQuery { From = now.AddDays(-30).ToString("O", CultureInfo.InvariantCulture), To = now.ToString("O", CultureInfo.InvariantCulture) };
    var (_, exportRange) = export.Validate(now);
    var rows = 0;
    watch.Restart();
    await ServiceLevelReports.ForEachClockAsync(dataSource, export, exportRange, null, _ =>
    {
        rows++;
        return Task.CompletedTask;
    }, cancellationToken);
    Console.WriteLine(Invariant($"3. CSV export, 30 days: {rows:N0} clocks read in {watch.Elapsed.TotalMilliseconds:0} ms ({rows / watch.Elapsed.TotalSeconds:N0} rows/s)"));
    return 0;
}
catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted.");
    return 130;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    try
    {
        Directory.Delete(directory, recursive: true);
    }
    catch (IOException)
    {
    }
}

static async Task GenerateAsync(NpgsqlDataSource dataSource, int clocks, DateTimeOffset now, CancellationToken cancellationToken)
{
    var conversations = Math.Max(clocks / 5, 1);
    var surveys = clocks / 10;
    await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
    // Deterministic ids (md5 of a label) let clocks and surveys point at conversations without a lookup.
    var sql = $"""
        INSERT INTO customers (id, display_name, tier, influence, created_at, updated_at)
        VALUES ('00000000-0000-0000-0000-000000000001', 'Benchmark', 'standard', 0, @now, @now);
        INSERT INTO customer_identities (id, customer_id, channel, handle, display_name, followers, name_key, handle_key, evidence,
                                         evidence_detail, consent, consent_basis, consent_recorded_at, first_seen_at, last_seen_at)
        VALUES ('00000000-0000-0000-0000-000000000002', '00000000-0000-0000-0000-000000000001', 'x', 'benchmark', 'Benchmark', 0,
                'benchmark', 'benchmark', 'new', '', 'unknown', '', @now, @now, @now);
        INSERT INTO conversations (id, customer_id, identity_id, channel, status, type, sentiment, sentiment_score, language, urgency,
                                   priority, department, routing_reason, preview, message_count, opened_at, last_activity_at, version)
        SELECT md5('c' || i)::uuid, '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002',
               (ARRAY['x','facebook','linkedin','reviews','community','email','chat'])[1 + i % 7], 'resolved', 'question', 'neutral', 0,
               'en', 'normal', (ARRAY['low','normal','high','urgent'])[1 + i % 4],
               (ARRAY['support','support','support','sales','product','legal'])[1 + i % 6], 'benchmark', 'benchmark', 1,
               @now - (i % 365) * interval '1 day' - (i % 1440) * interval '1 minute', @now, 1
        FROM generate_series(1, {conversations}) AS i;
        INSERT INTO service_level_clocks (id, conversation_id, metric, department, assignee_id, channel, priority, policy, target,
                                          started_at, paused_at, elapsed, breached_at, stopped_at, outcome, version)
        SELECT gen_random_uuid(), md5('c' || (1 + i % {conversations}))::uuid,
               (ARRAY['first-response','first-response','next-response','resolution','first-response','next-response','resolution','consult','first-response','resolution'])[1 + i % 10],
               (ARRAY['support','support','support','sales','product','legal'])[1 + i % 6],
               md5('a' || (i % 40))::uuid,
               (ARRAY['x','facebook','linkedin','reviews','community','email','chat'])[1 + i % 7],
               (ARRAY['low','normal','high','urgent'])[1 + i % 4], 'standard', interval '1 hour', started, NULL,
               make_interval(secs => (i::bigint * 7919) % 5400), CASE WHEN outcome = 'breached' OR (outcome = 'running' AND i % 2 = 0) THEN started + interval '1 hour' END,
               CASE WHEN outcome IN ('met', 'breached', 'cancelled') THEN started + make_interval(secs => (i::bigint * 7919) % 5400) END, outcome, 1
        FROM (SELECT i, @now - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second' AS started,
                     CASE WHEN i % 100 < 80 THEN 'met' WHEN i % 100 < 92 THEN 'breached' WHEN i % 100 < 97 THEN 'running' ELSE 'cancelled' END AS outcome
              FROM generate_series(1, {clocks}) AS i) AS generated;
        INSERT INTO replies (id, conversation_id, customer_id, channel, department, kind, visibility, text, author_name, based_on_version,
                             state, created_at, attempts, version)
        SELECT md5('r' || i)::uuid, md5('c' || (1 + i % {conversations}))::uuid, '00000000-0000-0000-0000-000000000001', 'x', 'support',
               'survey', 'public', 'How satisfied are you?', 'system', 1, 'delivered', @now, 1, 1
        FROM generate_series(1, {surveys}) AS i;
        INSERT INTO csat_surveys (id, conversation_id, customer_id, channel, department, assignee_id, priority, reply_id, sent_at, score, answered_at)
        SELECT gen_random_uuid(), md5('c' || (1 + i % {conversations}))::uuid, '00000000-0000-0000-0000-000000000001',
               (ARRAY['x','facebook','linkedin','reviews','community','email','chat'])[1 + i % 7],
               (ARRAY['support','support','support','sales','product','legal'])[1 + i % 6], md5('a' || (i % 40))::uuid,
               (ARRAY['low','normal','high','urgent'])[1 + i % 4], md5('r' || i)::uuid,
               @now - (i % 365) * interval '1 day', CASE WHEN i % 3 = 0 THEN NULL ELSE 1 + i % 5 END,
               CASE WHEN i % 3 = 0 THEN NULL ELSE @now END
        FROM generate_series(1, {surveys}) AS i;
        VACUUM ANALYZE conversations;
        VACUUM ANALYZE service_level_clocks;
        VACUUM ANALYZE csat_surveys;
        """;
    foreach (var statement in sql.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        await using var command = new NpgsqlCommand(statement.TrimEnd(';'), connection) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
