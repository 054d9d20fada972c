using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace SocialEnterprise.IngestBenchmark;

/// <summary>
/// What carrying costs per event over a stretch of carrying: the Workers' CPU time (read from the process) and the
/// statements and transactions PostgreSQL ran for them (<c>pg_stat_statements</c> and <c>pg_stat_database</c>), by
/// stage. A feature pulled into the carrier shows here first.
/// </summary>
public sealed partial class CarryProfile
{
    private readonly NpgsqlDataSource _database;
    private readonly IReadOnlyList<Process> _workers;
    private readonly bool _statements;
    private TimeSpan _cpu;
    private long _transactions;

    private CarryProfile(NpgsqlDataSource database, IReadOnlyList<Process> workers, bool statements)
    {
        _database = database;
        _workers = workers;
        _statements = statements;
    }

    /// <summary>Starts measuring; statement figures only where the server preloads <c>pg_stat_statements</c>.</summary>
    public static async Task<CarryProfile> StartAsync(NpgsqlDataSource database, IReadOnlyList<Process> workers, CancellationToken cancellationToken)
    {
        var statements = false;
        try
        {
            await using var create = database.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();");
            await create.ExecuteNonQueryAsync(cancellationToken);
            statements = true;
        }
        catch (PostgresException)
        {
            // Not preloaded (a container without it): CPU and transactions are still measured.
        }

        var profile = new CarryProfile(database, workers, statements);
        profile._cpu = CpuOf(workers);
        profile._transactions = await profile.TransactionsAsync(cancellationToken);
        return profile;
    }

    /// <summary>The cost of the <paramref name="carried"/> events carried since the start, per event.</summary>
    public async Task<CarryCost> StopAsync(long carried, CancellationToken cancellationToken)
    {
        var cpu = CpuOf(_workers) - _cpu;
        var transactions = await TransactionsAsync(cancellationToken) - _transactions;
        var stages = _statements ? await StagesAsync(cancellationToken) : [];
        var top = _statements ? await TopStatementsAsync(cancellationToken) : [];
        double PerEvent(double value) => carried > 0 ? value / carried : 0;
        return new CarryCost(
            carried,
            PerEvent(cpu.TotalMilliseconds),
            PerEvent(transactions),
            _statements ? PerEvent(stages.Sum(s => s.Calls)) : null,
            [.. stages.Select(s => new StageCost(s.Stage, PerEvent(s.Calls), PerEvent(s.Milliseconds)))],
            [.. top.Select(s => new StatementCost(s.Query, PerEvent(s.Calls), PerEvent(s.Milliseconds), s.Calls > 0 ? s.Milliseconds / s.Calls : 0))]);
    }

    /// <summary>The Workers processes' CPU time together.</summary>
    private static TimeSpan CpuOf(IReadOnlyList<Process> processes)
    {
        foreach (var process in processes)
        {
            process.Refresh();
        }

        return processes.Aggregate(TimeSpan.Zero, (sum, process) => sum + process.TotalProcessorTime);
    }

    private async Task<long> TransactionsAsync(CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The statements run since the start, by the stage of carrying they serve (the benchmark's own reads left out).</summary>
    private async Task<List<(string Stage, long Calls, double Milliseconds)>> StagesAsync(CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand(
            "SELECT query, calls, total_exec_time FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())");
        var stages = new Dictionary<string, (long Calls, double Milliseconds)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var query = reader.GetString(0);
            if (StageOf(query) is not { } stage)
            {
                continue;
            }

            var (calls, milliseconds) = stages.GetValueOrDefault(stage);
            stages[stage] = (calls + reader.GetInt64(1), milliseconds + reader.GetDouble(2));
        }

        return [.. stages.Select(s => (s.Key, s.Value.Calls, s.Value.Milliseconds)).OrderByDescending(s => s.Milliseconds)];
    }

    /// <summary>The costliest carrying statements since the start (the benchmark's own reads left out).</summary>
    private async Task<List<(string Query, long Calls, double Milliseconds)>> TopStatementsAsync(CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand(
            "SELECT query, calls, total_exec_time FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 40");
        var top = new List<(string, long, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken) && top.Count < 8)
        {
            var query = reader.GetString(0);
            if (StageOf(query) is not null)
            {
                top.Add((Regex.Replace(query, @"\s+", " "), reader.GetInt64(1), reader.GetDouble(2)));
            }
        }

        return top;
    }

    /// <summary>
    /// The stage a statement serves, by what it reads or writes first; null for the benchmark's own reads and for what
    /// is not carrying (the extension's own statements).
    /// </summary>
    public static string? StageOf(string query)
    {
        if (query.Contains("external_id like", StringComparison.OrdinalIgnoreCase) || query.Contains("pg_stat", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var text = query.TrimStart();
        if (text.StartsWith("SAVEPOINT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("RELEASE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("ROLLBACK", StringComparison.OrdinalIgnoreCase) || text.StartsWith("BEGIN", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("COMMIT", StringComparison.OrdinalIgnoreCase))
        {
            return "transaction control";
        }

        return TableOf().Match(query) is { Success: true } match ? match.Groups[1].Value.Trim('"').ToLowerInvariant() : "other";
    }

    [GeneratedRegex(@"(?:\bFROM|\bINTO|\bUPDATE|\bJOIN)\s+(""?[A-Za-z_]+""?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TableOf();
}

/// <summary>One stage's statements per event and their execution time per event in PostgreSQL.</summary>
public sealed record StageCost(string Stage, double CallsPerEvent, double MillisecondsPerEvent);

/// <summary>One statement's calls and execution time per event, and its mean time per call.</summary>
public sealed record StatementCost(string Query, double CallsPerEvent, double MillisecondsPerEvent, double MeanMilliseconds);

/// <summary>What carrying cost per event: the Workers' CPU, PostgreSQL transactions and statements, by stage.</summary>
public sealed record CarryCost(
    long Carried, double CpuMillisecondsPerEvent, double TransactionsPerEvent, double? StatementsPerEvent, IReadOnlyList<StageCost> Stages,
    IReadOnlyList<StatementCost> Costliest)
{
    public IEnumerable<string> Lines()
    {
        yield return string.Create(CultureInfo.InvariantCulture,
            $"carry cost:            {CpuMillisecondsPerEvent:0.00} ms Workers CPU per event; {TransactionsPerEvent:0.00} transactions and {(StatementsPerEvent is { } statements ? statements.ToString("0.0", CultureInfo.InvariantCulture) : "(pg_stat_statements not loaded)")} statements per event ({Carried:#,0} events)");
        foreach (var stage in Stages.Take(12))
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  {stage.Stage,-28} {stage.CallsPerEvent,6:0.00} statements/event, {stage.MillisecondsPerEvent,6:0.000} ms/event in PostgreSQL");
        }

        foreach (var statement in Costliest)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"  costliest: {statement.MillisecondsPerEvent,6:0.000} ms/event, {statement.CallsPerEvent:0.00}/event, {statement.MeanMilliseconds:0.000} ms each: {statement.Query[..Math.Min(150, statement.Query.Length)]}");
        }
    }
}
