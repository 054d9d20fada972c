using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Reports;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Conversations;

namespace SocialEnterprise.Infrastructure.Reports;

/// <summary>
/// Reads the SLA and operations report from <c>service_level_clocks</c>, <c>csat_surveys</c> and <c>conversations</c>:
/// every figure is aggregated in PostgreSQL (a handful of rows come back, however many clocks there are).
/// </summary>
public static class ServiceLevelReports
{
    /// <summary>Decided as kept: stopped within the target.</summary>
    internal const string MetSql = "outcome = 'met'";

    /// <summary>Decided as broken: stopped past the target, or still running or paused after the breach fired.</summary>
    internal const string BreachedSql = "(outcome = 'breached' OR (outcome IN ('running', 'paused') AND breached_at IS NOT NULL))";

    internal const string OpenSql = "(outcome IN ('running', 'paused') AND breached_at IS NULL)";

    internal const string StoppedSql = "outcome IN ('met', 'breached')";

    public static async Task<ServiceLevelReport> ReadAsync(
        NpgsqlDataSource dataSource, ServiceLevelReportQuery query, ReportRange range, IReadOnlyList<string>? departments,
        CancellationToken cancellationToken)
    {
        var filter = new ReportFilter(range, departments, query.Channel, query.Priority, query.AgentId);

        // The two heavy scans (compliance, percentiles) run side by side on connections of their own, the light ones beside them.
        var complianceRead = OnOwnConnectionAsync(dataSource, connection => ComplianceAsync(connection, filter, cancellationToken), cancellationToken);
        var durationsRead = OnOwnConnectionAsync(dataSource, connection => DurationsAsync(connection, filter, cancellationToken), cancellationToken);
        var restRead = OnOwnConnectionAsync(
            dataSource,
            async connection => (
                Breaches: await BreachesAsync(connection, filter, cancellationToken),
                Csat: await CsatAsync(connection, filter, cancellationToken),
                Volume: await VolumeAsync(connection, filter, cancellationToken)),
            cancellationToken);
        await Task.WhenAll(complianceRead, durationsRead, restRead);
        var (compliance, durations) = (await complianceRead, await durationsRead);
        var (breaches, (csat, csatByDepartment, csatByAgent), volume) = await restRead;

        var agentIds = compliance.Where(row => row.Set == GroupSet.Agent && row.AgentId is not null).Select(row => row.AgentId!.Value)
            .Concat(csatByAgent.Keys.Select(ParseKey).OfType<Guid>()).Distinct().ToArray();
        var names = await OnOwnConnectionAsync(dataSource, connection => StaffNamesAsync(connection, agentIds, cancellationToken), cancellationToken);

        string AgentName(Guid? id) => id is { } known ? names.GetValueOrDefault(known, "Former staff member") : "Unassigned";

        var agents = compliance.Where(row => row.Set == GroupSet.Agent)
            .Select(row => row.AgentId)
            .Union(csatByAgent.Keys.Select(ParseKey))
            .Select(id => new AgentReportRow(
                id,
                AgentName(id),
                (compliance.FirstOrDefault(row => row.Set == GroupSet.Agent && row.AgentId == id)?.Row ?? new ComplianceRow(Key(id), "", 0, 0, 0))
                    with { Name = AgentName(id) },
                durations.GetValueOrDefault((id, ServiceLevelMetrics.FirstResponse), DurationSummary.None),
                durations.GetValueOrDefault((id, ServiceLevelMetrics.Resolution), DurationSummary.None),
                csatByAgent.GetValueOrDefault(Key(id)) is { } row ? row with { Name = AgentName(id) } : new CsatRow(Key(id), AgentName(id), 0, 0, null)))
            .OrderByDescending(agent => agent.Compliance.Percent ?? -1)
            .ThenBy(agent => agent.Name, StringComparer.Ordinal)
            .ToList();

        IReadOnlyList<ComplianceRow> Rows(GroupSet set) =>
            compliance.Where(row => row.Set == set).Select(row => row.Row).OrderBy(row => row.Key, StringComparer.Ordinal).ToList();

        return new ServiceLevelReport(
            range.From,
            range.To,
            range.Hourly ? "hour" : "day",
            departments,
            durations.GetValueOrDefault((AllAgents, ServiceLevelMetrics.FirstResponse), DurationSummary.None),
            durations.GetValueOrDefault((AllAgents, ServiceLevelMetrics.Resolution), DurationSummary.None),
            compliance.FirstOrDefault(row => row.Set == GroupSet.All)?.Row ?? new ComplianceRow("all", "All", 0, 0, 0),
            ServiceLevelMetrics.All.Select(metric => Rows(GroupSet.Metric).FirstOrDefault(row => row.Key == metric) ?? new ComplianceRow(metric, MetricName(metric), 0, 0, 0)).ToList(),
            Rows(GroupSet.Department),
            Rows(GroupSet.Channel),
            Rows(GroupSet.Priority).OrderBy(row => Priorities.Rank(row.Key)).ToList(),
            agents,
            breaches,
            csat,
            csatByDepartment,
            volume);
    }

    /// <summary>Streams every clock of the report's range and filters, oldest first, to <paramref name="write"/>.</summary>
    public static async Task ForEachClockAsync(
        NpgsqlDataSource dataSource, ServiceLevelReportQuery query, ReportRange range, IReadOnlyList<string>? departments,
        Func<ReportClock, Task> write, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var filter = new ReportFilter(range, departments, query.Channel, query.Priority, query.AgentId);
        await using var command = filter.Command(
            $"""
            SELECT c.conversation_id, c.metric, c.department, c.assignee_id, s.display_name, c.channel, c.priority, c.policy,
                   extract(epoch FROM c.target)::float8, c.started_at, c.stopped_at, extract(epoch FROM c.elapsed)::float8,
                   c.outcome, c.breached_at,
                   CASE WHEN {Qualified(MetSql)} THEN 'met' WHEN {Qualified(BreachedSql)} THEN 'breached'
                        WHEN {Qualified(OpenSql)} THEN 'open' ELSE 'cancelled' END
            FROM service_level_clocks c
            LEFT JOIN staff_users s ON s.id = c.assignee_id
            WHERE {filter.ClockWhere("c.")}
            ORDER BY c.started_at, c.metric, c.id
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            await write(new ReportClock(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), NullableGuid(reader, 3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                reader.GetDouble(8), reader.GetFieldValue<DateTimeOffset>(9), NullableTime(reader, 10), reader.GetDouble(11),
                reader.GetString(12), NullableTime(reader, 13), reader.GetString(14)));
        }
    }

    private static readonly Guid? AllAgents = Guid.Empty;

    /// <summary>Memory for the percentiles' sorts: with the default 4 MB a year of a million clocks (80 MB to sort) spills to disk, several times slower.</summary>
    private const string WorkMem = "128MB";

    private static async Task<T> OnOwnConnectionAsync<T>(
        NpgsqlDataSource dataSource, Func<NpgsqlConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var settings = new NpgsqlCommand($"SET TRANSACTION READ ONLY; SET LOCAL work_mem = '{WorkMem}'", connection, transaction))
        {
            await settings.ExecuteNonQueryAsync(cancellationToken);
        }

        return await read(connection);
    }

    private static async Task<List<GroupRow>> ComplianceAsync(NpgsqlConnection connection, ReportFilter filter, CancellationToken cancellationToken)
    {
        // Counted once per combination first (one hash lookup per clock), then rolled up into the groupings.
        // GROUPING() has one bit per column, the first column the highest: a set bit means "not grouped by it".
        await using var command = filter.Command(
            $"""
            WITH combinations AS (
                SELECT metric, department, assignee_id, channel, priority,
                       count(*) FILTER (WHERE {MetSql}) AS met, count(*) FILTER (WHERE {BreachedSql}) AS breached,
                       count(*) FILTER (WHERE {OpenSql}) AS open
                FROM service_level_clocks
                WHERE {filter.ClockWhere("")} AND outcome <> 'cancelled'
                GROUP BY metric, department, assignee_id, channel, priority)
            SELECT GROUPING(metric, department, assignee_id, channel, priority), metric, department, assignee_id, channel, priority,
                   coalesce(sum(met), 0)::bigint, coalesce(sum(breached), 0)::bigint, coalesce(sum(open), 0)::bigint
            FROM combinations
            GROUP BY GROUPING SETS ((), (metric), (department), (assignee_id), (channel), (priority))
            """, connection);
        var rows = new List<GroupRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (set, key, name) = reader.GetInt32(0) switch
            {
                0b11111 => (GroupSet.All, "all", "All"),
                0b01111 => (GroupSet.Metric, reader.GetString(1), MetricName(reader.GetString(1))),
                0b10111 => (GroupSet.Department, reader.GetString(2), DepartmentName(reader.GetString(2))),
                0b11011 => (GroupSet.Agent, Key(NullableGuid(reader, 3)), ""),
                0b11101 => (GroupSet.Channel, reader.GetString(4), reader.GetString(4)),
                _ => (GroupSet.Priority, reader.GetString(5), reader.GetString(5)),
            };
            rows.Add(new GroupRow(
                set, set == GroupSet.Agent ? NullableGuid(reader, 3) : null,
                new ComplianceRow(key, name, (int)reader.GetInt64(6), (int)reader.GetInt64(7), (int)reader.GetInt64(8))));
        }

        return rows;
    }

    /// <summary>Median and p90 of first-response and resolution times, overall (keyed by <see cref="AllAgents"/>) and per agent.</summary>
    private static async Task<Dictionary<(Guid?, string), DurationSummary>> DurationsAsync(
        NpgsqlConnection connection, ReportFilter filter, CancellationToken cancellationToken)
    {
        await using var command = filter.Command(
            $"""
            SELECT GROUPING(assignee_id), assignee_id, metric, count(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM elapsed)),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM elapsed))
            FROM service_level_clocks
            WHERE {filter.ClockWhere("")} AND {StoppedSql} AND metric IN ('{ServiceLevelMetrics.FirstResponse}', '{ServiceLevelMetrics.Resolution}')
            GROUP BY GROUPING SETS ((metric), (metric, assignee_id))
            """, connection);
        var durations = new Dictionary<(Guid?, string), DurationSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var agent = reader.GetInt32(0) == 1 ? AllAgents : NullableGuid(reader, 1);
            durations[(agent, reader.GetString(2))] = new DurationSummary((int)reader.GetInt64(3), reader.GetDouble(4), reader.GetDouble(5));
        }

        return durations;
    }

    /// <summary>
    /// Breaches by the hour or day they happened in (a clock stopped past its target without a breach moment counts
    /// when it stopped), per metric.
    /// </summary>
    private static async Task<TimeSeries> BreachesAsync(NpgsqlConnection connection, ReportFilter filter, CancellationToken cancellationToken)
    {
        await using var command = filter.Command(
            $"""
            SELECT date_bin(@step, coalesce(breached_at, stopped_at), @from), metric, count(*)
            FROM service_level_clocks
            WHERE ((breached_at >= @from AND breached_at < @to)
                   OR (breached_at IS NULL AND outcome = 'breached' AND stopped_at >= @from AND stopped_at < @to))
                  {filter.ScopeAnd("")}
            GROUP BY 1, 2
            """, connection);
        var counts = await CountsAsync(command, cancellationToken);
        return filter.Series(ServiceLevelMetrics.All, counts);
    }

    private static async Task<(CsatSummary, IReadOnlyList<CsatRow>, Dictionary<string, CsatRow>)> CsatAsync(
        NpgsqlConnection connection, ReportFilter filter, CancellationToken cancellationToken)
    {
        await using var command = filter.Command(
            $"""
            SELECT GROUPING(department, assignee_id), department, assignee_id, count(*), count(score), avg(score)::float8,
                   count(*) FILTER (WHERE score = 1), count(*) FILTER (WHERE score = 2), count(*) FILTER (WHERE score = 3),
                   count(*) FILTER (WHERE score = 4), count(*) FILTER (WHERE score = 5)
            FROM csat_surveys
            WHERE sent_at >= @from AND sent_at < @to {filter.ScopeAnd("")}
            GROUP BY GROUPING SETS ((), (department), (assignee_id))
            """, connection);
        var summary = new CsatSummary(0, 0, null, [0, 0, 0, 0, 0]);
        var byDepartment = new List<CsatRow>();
        var byAgent = new Dictionary<string, CsatRow>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (sent, answered) = ((int)reader.GetInt64(3), (int)reader.GetInt64(4));
            double? average = reader.IsDBNull(5) ? null : reader.GetDouble(5);
            switch (reader.GetInt32(0))
            {
                case 0b11:
                    summary = new CsatSummary(sent, answered, average, Enumerable.Range(6, 5).Select(i => (int)reader.GetInt64(i)).ToList());
                    break;
                case 0b01:
                    byDepartment.Add(new CsatRow(reader.GetString(1), DepartmentName(reader.GetString(1)), sent, answered, average));
                    break;
                default:
                    var agent = NullableGuid(reader, 2);
                    byAgent[Key(agent)] = new CsatRow(Key(agent), "", sent, answered, average);
                    break;
            }
        }

        return (summary, byDepartment.OrderBy(row => row.Key, StringComparer.Ordinal).ToList(), byAgent);
    }

    /// <summary>Conversations opened per hour or day, per channel: the operations half of the report.</summary>
    private static async Task<TimeSeries> VolumeAsync(NpgsqlConnection connection, ReportFilter filter, CancellationToken cancellationToken)
    {
        await using var command = filter.Command(
            $"""
            SELECT date_bin(@step, opened_at, @from), channel, count(*)
            FROM conversations
            WHERE opened_at >= @from AND opened_at < @to {filter.ScopeAnd("")}
            GROUP BY 1, 2
            """, connection);
        var counts = await CountsAsync(command, cancellationToken);
        return filter.Series(IngestChannels.All.Order(StringComparer.Ordinal), counts);
    }

    private static async Task<Dictionary<Guid, string>> StaffNamesAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<Guid, string>();
        if (ids.Length == 0)
        {
            return names;
        }

        await using var command = new NpgsqlCommand("SELECT id, display_name FROM staff_users WHERE id = ANY(@ids)", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", ids));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names[reader.GetGuid(0)] = reader.GetString(1);
        }

        return names;
    }

    private static async Task<Dictionary<(DateTimeOffset, string), int>> CountsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(DateTimeOffset, string), int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1))] = (int)reader.GetInt64(2);
        }

        return counts;
    }

    private static string Key(Guid? agent) => agent?.ToString("D", CultureInfo.InvariantCulture) ?? "unassigned";

    private static Guid? ParseKey(string key) => Guid.TryParse(key, out var id) ? id : null;

    private static Guid? NullableGuid(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);

    private static DateTimeOffset? NullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static string Qualified(string condition) => condition
        .Replace("outcome", "c.outcome", StringComparison.Ordinal)
        .Replace("breached_at", "c.breached_at", StringComparison.Ordinal);

    private static string DepartmentName(string id) => Department.Standard.FirstOrDefault(d => d.Id == id)?.Name ?? id;

    public static string MetricName(string metric) => ServiceLevelMetrics.NameOf(metric);

    private enum GroupSet
    {
        All,
        Metric,
        Department,
        Agent,
        Channel,
        Priority,
    }

    private sealed record GroupRow(GroupSet Set, Guid? AgentId, ComplianceRow Row);

    /// <summary>The range and the filters as SQL conditions with parameters (the only values that reach the SQL text are constants).</summary>
    private sealed record ReportFilter(ReportRange Range, IReadOnlyList<string>? Departments, string? Channel, string? Priority, Guid? Agent)
    {
        public string ClockWhere(string alias) => $"{alias}started_at >= @from AND {alias}started_at < @to {ScopeAnd(alias)}";

        public string ScopeAnd(string alias)
        {
            var sql = new StringBuilder();
            if (Departments is not null)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND {alias}department = ANY(@departments)");
            }

            if (Channel is not null)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND {alias}channel = @channel");
            }

            if (Priority is not null)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND {alias}priority = @priority");
            }

            if (Agent is not null)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND {alias}assignee_id = @agent");
            }

            return sql.ToString();
        }

        public NpgsqlCommand Command(string sql, NpgsqlConnection connection)
        {
            var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("from", Range.From));
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("to", Range.To));
            command.Parameters.Add(new NpgsqlParameter<TimeSpan>("step", Range.Step));
            command.Parameters.Add(new NpgsqlParameter<string[]>("departments", [.. Departments ?? []]));
            command.Parameters.Add(new NpgsqlParameter<string>("channel", Channel ?? ""));
            command.Parameters.Add(new NpgsqlParameter<string>("priority", Priority ?? ""));
            command.Parameters.Add(new NpgsqlParameter<Guid>("agent", Agent ?? Guid.Empty));
            return command;
        }

        public TimeSeries Series(IEnumerable<string> keys, Dictionary<(DateTimeOffset, string), int> counts)
        {
            var buckets = Range.Buckets();
            return new TimeSeries(
                buckets,
                keys.Select(key => new CountSeries(key, buckets.Select(at => counts.GetValueOrDefault((at, key))).ToList())).ToList());
        }
    }
}

/// <summary>One clock as the CSV export writes it; <see cref="Result"/> is met, breached, open or cancelled as the report counts it.</summary>
public sealed record ReportClock(
    Guid ConversationId, string Metric, string Department, Guid? AgentId, string? AgentName, string Channel, string Priority, string Policy,
    double TargetSeconds, DateTimeOffset StartedAt, DateTimeOffset? StoppedAt, double ElapsedSeconds, string Outcome, DateTimeOffset? BreachedAt,
    string Result);
