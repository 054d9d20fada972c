using System.Diagnostics;
using System.Globalization;
using Npgsql;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Shared;

namespace SocialEnterprise.WorkspaceBenchmark;

/// <summary>
/// Fills the stack's database with customers, identities, conversations and messages, set-based inside PostgreSQL
/// (<c>INSERT ... SELECT ... FROM generate_series</c>), two statements at a time for the machine's two cores. The
/// secondary indexes of the four tables are dropped for the load and recreated from their exact definitions, as read
/// from <c>pg_indexes</c> before the load.
/// </summary>
public sealed partial class WorkspaceData(NpgsqlDataSource database, WorkspaceBenchmarkArguments counts, Action<string> report)
{
    private static readonly string[] Tables = ["customers", "customer_identities", "conversations", "messages"];
    private const int Parallelism = 2;

    /// <summary>Rows already in the four tables, to tell a fresh database from one a previous run filled.</summary>
    public async Task<long> ConversationCountAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("select count(*) from conversations");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task GenerateAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var staff = await StaffByDepartmentAsync(cancellationToken);
        var indexes = await SecondaryIndexesAsync(cancellationToken);
        await ExecuteAsync(string.Join(";\n", indexes.Select(index => $"DROP INDEX {index.Name}")), cancellationToken);
        report($"   dropped {indexes.Count} secondary indexes for the load ({clock.Elapsed.TotalSeconds:0} s)");

        await InParallelAsync(
            Ranges(counts.Customers, 4).Select(range => Statement(CustomersSql, ("channels", ChannelsWeighted), ("from", range.From), ("to", range.To))), cancellationToken);
        report($"   {Count(counts.Customers)} customers with their identities ({clock.Elapsed.TotalSeconds:0} s)");

        var conversation = ConversationParameters(staff);
        await InParallelAsync(
            Ranges(counts.Conversations, 8).Select(range => Statement(
                ConversationsSql, [.. conversation, ("from", range.From), ("to", range.To)])), cancellationToken);
        report($"   {Count(counts.Conversations)} conversations ({clock.Elapsed.TotalSeconds:0} s)");

        var message = MessageParameters();
        var done = 0;
        await InParallelAsync(
            Enumerable.Range(0, 16).Select(part => Statement(
                MessagesSql, [.. message, ("lo", UuidBound(part)), ("hi", part == 15 ? "ffffffff-ffff-ffff-ffff-ffffffffffff" : UuidBound(part + 1)), ("last", part == 15)],
                () => report($"   messages: {Interlocked.Increment(ref done)}/16 parts ({clock.Elapsed.TotalSeconds:0} s)"))),
            cancellationToken);

        // Each conversation's search text is what its customer wrote, as the Workers keep it (newest 20,000 characters).
        done = 0;
        await InParallelAsync(
            Enumerable.Range(0, 8).Select(part => Statement(
                SearchTextSql, [("lo", UuidBound(part * 2)), ("hi", part == 7 ? "ffffffff-ffff-ffff-ffff-ffffffffffff" : UuidBound(part * 2 + 2)), ("last", part == 7)],
                () => report($"   search text: {Interlocked.Increment(ref done)}/8 parts ({clock.Elapsed.TotalSeconds:0} s)"))),
            cancellationToken);

        // The GIN index over a million conversations' tsvectors is by far the longest: it starts first, the rest share the other core.
        await InParallelAsync(
            indexes.OrderByDescending(index => index.Definition.Contains("gin", StringComparison.OrdinalIgnoreCase))
                .Select(index => Statement(index.Definition)),
            cancellationToken, settings: "SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 0");
        report($"   recreated the {indexes.Count} indexes ({clock.Elapsed.TotalSeconds:0} s)");

        await InParallelAsync(new[] { "messages", "conversations", "customer_identities", "customers" }.Select(table => Statement($"VACUUM (ANALYZE) {table}")), cancellationToken);
        await ExecuteAsync("CHECKPOINT", cancellationToken);
        report($"   VACUUM (ANALYZE) and CHECKPOINT ({clock.Elapsed.TotalSeconds:0} s)");
    }

    /// <summary>How the generated data came out: rows per table and the shares the inbox filters see.</summary>
    public async Task<IReadOnlyList<string>> DescribeAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            select 'customers', count(*)::text from customers
            union all select 'identities', count(*)::text from customer_identities
            union all select 'conversations', count(*)::text from conversations
            union all select 'messages', count(*)::text from messages
            union all select 'status', string_agg(status || ' ' || n, ', ' order by n desc) from (select status, count(*) n from conversations group by 1) s
            union all select 'department', string_agg(department || ' ' || n, ', ' order by n desc) from (select department, count(*) n from conversations group by 1) s
            union all select 'channel', string_agg(channel || ' ' || n, ', ' order by n desc) from (select channel, count(*) n from conversations group by 1) s
            union all select 'open clocks', string_agg(state || ' ' || n, ', ' order by n desc) from (
                select case when response_due_at <= now() then 'breached' when response_warn_at <= now() then 'at-risk' else 'on-track' end state, count(*) n
                from conversations where response_due_at is not null group by 1) s
            union all select 'open unassigned', count(*)::text from conversations where status = 'open' and assignee_id is null
            union all select 'database size', pg_size_pretty(pg_database_size(current_database()))
            """;
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 600;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add($"{reader.GetString(0),-16} {(reader.IsDBNull(1) ? "" : reader.GetString(1))}");
        }

        return lines;
    }

    private async Task<IReadOnlyDictionary<string, Guid[]>> StaffByDepartmentAsync(CancellationToken cancellationToken)
    {
        // The admin is in every department but is not who conversations are assigned to, unless nobody else is there.
        await using var command = database.CreateCommand("""
            select m.department_id, u.id, u.user_name = $1
            from department_memberships m join staff_users u on u.id = m.staff_user_id
            order by u.user_name
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = $"admin@{AccessSettings.DemoDomain}" });
        var rows = new List<(string Department, Guid Id, bool Admin)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetGuid(1), reader.GetBoolean(2)));
            }
        }

        var staff = new Dictionary<string, Guid[]>(StringComparer.Ordinal);
        foreach (var department in Domain.Staff.Department.Standard.Select(d => d.Id))
        {
            var members = rows.Where(r => r.Department == department).ToList();
            var chosen = members.Where(r => !r.Admin).Select(r => r.Id).ToArray();
            staff[department] = chosen.Length > 0 ? chosen : [.. members.Select(r => r.Id)];
            if (staff[department].Length == 0)
            {
                throw new InvalidOperationException($"Nobody is in the department '{department}': is the demo company seeded (Seed:DemoCompany)?");
            }
        }

        return staff;
    }

    private async Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            select i.indexname, i.indexdef from pg_indexes i
            where i.schemaname = 'public' and i.tablename = any($1)
              and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
            order by i.tablename, i.indexname
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = Tables });
        var indexes = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    private static IEnumerable<(int From, int To)> Ranges(int total, int parts)
    {
        var size = (total + parts - 1) / parts;
        for (var from = 1; from <= total; from += size)
        {
            yield return (from, Math.Min(total, from + size - 1));
        }
    }

    /// <summary>The lower bound of the sixteenth of the uuid space that starts with hex digit <paramref name="part"/>.</summary>
    private static string UuidBound(int part) => $"{part:x}0000000-0000-0000-0000-000000000000";

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record SqlStatement(string Sql, IReadOnlyList<(string Name, object Value)> Parameters, Action? Done);

    private static SqlStatement Statement(string sql, params (string Name, object Value)[] parameters) => new(sql, parameters, null);

    private static SqlStatement Statement(string sql, (string Name, object Value)[] parameters, Action done) => new(sql, parameters, done);

    /// <summary>Runs the statements on <see cref="Parallelism"/> connections, each taking the next statement when free.</summary>
    private async Task InParallelAsync(IEnumerable<SqlStatement> statements, CancellationToken cancellationToken, string? settings = null)
    {
        var queue = new Queue<SqlStatement>(statements);
        await Task.WhenAll(Enumerable.Range(0, Parallelism).Select(async _ =>
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            // Foreign keys hold by construction: replica mode skips their per-row checks (the constraints stay).
            await using (var setup = new NpgsqlCommand(
                "SET session_replication_role = replica; SET synchronous_commit = off; SET work_mem = '64MB'; " + (settings ?? ""), connection))
            {
                await setup.ExecuteNonQueryAsync(cancellationToken);
            }

            while (true)
            {
                SqlStatement? next;
                lock (queue)
                {
                    next = queue.Count > 0 ? queue.Dequeue() : null;
                }

                if (next is null)
                {
                    return;
                }

                await using var command = new NpgsqlCommand(next.Sql, connection) { CommandTimeout = 0 };
                foreach (var (name, value) in next.Parameters)
                {
                    command.Parameters.Add(new NpgsqlParameter(name, value));
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                next.Done?.Invoke();
            }
        }));
    }

    /// <summary>The values with their weights, as an array with each value repeated by its weight: a draw is one index.</summary>
    private static T[] Weighted<T>(params (T Value, int Weight)[] choices) =>
        [.. choices.SelectMany(choice => Enumerable.Repeat(choice.Value, choice.Weight))];

    private (string, object)[] ConversationParameters(IReadOnlyDictionary<string, Guid[]> staff)
    {
        var topics = Vocabulary.Topics();
        int TopicIndex(string key) => topics.ToList().FindIndex(t => t.Key == key) + 1;
        var departments = Domain.Staff.Department.Standard.Select(d => d.Id).ToArray();
        var staffIds = new List<Guid>();
        var staffStart = new List<int>();
        var staffCount = new List<int>();
        foreach (var department in departments)
        {
            staffStart.Add(staffIds.Count + 1);
            staffCount.Add(staff[department].Length);
            staffIds.AddRange(staff[department]);
        }

        var (phrases, phraseStart, phraseCount) = Phrases(topics);
        return
        [
            ("conversations", counts.Conversations),
            ("messages", (long)counts.Messages),
            ("customers", counts.Customers),
            ("channels", ChannelsWeighted),
            ("topicIds", topics.Select(t => t.Key).ToArray()),
            ("topicDepartments", topics.Select(t => t.Department).ToArray()),
            // Support's topics weigh most; 7 in 100 conversations have no topic.
            ("topicWeighted", Weighted(
                (TopicIndex("billing"), 14), (TopicIndex("delivery"), 12), (TopicIndex("account-access"), 10),
                (TopicIndex("customer-service"), 8), (TopicIndex("installation"), 5), (TopicIndex("privacy"), 4),
                (TopicIndex("bug"), 7), (TopicIndex("performance"), 4), (TopicIndex("mobile-app"), 7),
                (TopicIndex("product-quality"), 5), (TopicIndex("feature-request"), 6), (TopicIndex("pricing"), 7),
                (TopicIndex("partnership"), 4), (0, 7))),
            ("departmentWeighted", Weighted(("support", 50), ("sales", 15), ("marketing", 15), ("legal", 10), ("product", 5), ("engineering", 5))),
            ("typeWeighted", Weighted(
                (MessageTypes.Question, 35), (MessageTypes.Complaint, 25), (MessageTypes.Feedback, 15), (MessageTypes.Praise, 10),
                (MessageTypes.Idea, 8), (MessageTypes.Other, 7))),
            ("priorityWeighted", Weighted((Priorities.Urgent, 3), (Priorities.High, 15), (Priorities.Normal, 62), (Priorities.Low, 20))),
            ("departments", departments),
            ("staffIds", staffIds.ToArray()),
            ("staffStart", staffStart.ToArray()),
            ("staffCount", staffCount.ToArray()),
            ("phrases", phrases),
            ("phraseStart", phraseStart),
            ("phraseCount", phraseCount),
            ("filler", Vocabulary.Filler.ToArray()),
        ];
    }

    private (string, object)[] MessageParameters()
    {
        var topics = Vocabulary.Topics();
        var (phrases, phraseStart, phraseCount) = Phrases(topics);
        return
        [
            ("topicIds", topics.Select(t => t.Key).ToArray()),
            ("phrases", phrases),
            ("phraseStart", phraseStart),
            ("phraseCount", phraseCount),
            ("replies", Vocabulary.Replies.ToArray()),
            ("filler", Vocabulary.Filler.ToArray()),
            ("rare", Vocabulary.Rare.ToArray()),
            ("rareShare", Vocabulary.RareShare),
        ];
    }

    /// <summary>Every topic's sentences in one array, then the general ones (index topics + 1), with where each topic's start.</summary>
    private static (string[] Phrases, int[] Start, int[] Count) Phrases(IReadOnlyList<Topic> topics)
    {
        var phrases = new List<string>();
        var start = new List<int>();
        var count = new List<int>();
        foreach (var sentences in topics.Select(t => Vocabulary.ByTopic[t.Key]).Append(Vocabulary.General))
        {
            start.Add(phrases.Count + 1);
            count.Add(sentences.Length);
            phrases.AddRange(sentences);
        }

        return ([.. phrases], [.. start], [.. count]);
    }

    private static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
