using Npgsql;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Reports;

/// <summary>
/// The Api with a week of known clocks, surveys and conversations (1–8 March 2025), written straight into the tables
/// the report reads, so that every figure the tests expect can be worked out by hand from <see cref="SeedAsync"/>.
/// </summary>
public sealed class ReportsFixture(PostgresFixture postgres, RedisFixture redis) : ApiFixture(postgres, redis)
{
    public static readonly DateTimeOffset Monday = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public const string Week = "from=2025-03-01&to=2025-03-07";

    public Guid Alex { get; private set; }

    public Guid Jordan { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        Alex = await StaffIdAsync(connection, "Alex Agent");
        Jordan = await StaffIdAsync(connection, "Jordan Agent");
        await SeedAsync(connection);
    }

    public static DateTimeOffset Day(int day, int hour = 0, int minute = 0) => Monday.AddDays(day - 1).AddHours(hour).AddMinutes(minute);

    private async Task SeedAsync(NpgsqlConnection connection)
    {
        var customer = Guid.NewGuid();
        var identity = Guid.NewGuid();
        await ExecuteAsync(connection,
            """
            INSERT INTO customers (id, display_name, tier, influence, created_at, updated_at) VALUES ($1, 'Report Customer', 'standard', 0, $3, $3);
            INSERT INTO customer_identities (id, customer_id, channel, handle, display_name, followers, name_key, handle_key, evidence,
                                             evidence_detail, consent, consent_basis, consent_recorded_at, first_seen_at, last_seen_at)
            VALUES ($2, $1, 'x', 'reporter', 'Report Customer', 0, 'report customer', 'reporter', 'new', '', 'unknown', '', $3, $3, $3);
            """, customer, identity, Day(1));

        // Conversations opened: x twice on the 1st, email on the 2nd, chat on the 5th, and one before the week.
        var x1 = await ConversationAsync(connection, customer, identity, "x", "support", "high", Day(1, 9));
        var x2 = await ConversationAsync(connection, customer, identity, "x", "support", "high", Day(1, 15));
        var email = await ConversationAsync(connection, customer, identity, "email", "sales", "normal", Day(2, 11));
        var chat = await ConversationAsync(connection, customer, identity, "chat", "legal", "urgent", Day(5, 8));
        var old = await ConversationAsync(connection, customer, identity, "email", "support", "normal", Day(1).AddDays(-9));

        // First response: Alex (support, x, high) 60 s, 120 s, 180 s met and 300 s breached; Jordan (support, email,
        // normal) 240 s met and one still running past its breach; Jordan (sales, email) one paused, one cancelled.
        await ClockAsync(connection, x1, "first-response", "support", Alex, "x", "high", Day(1, 9), 60, "met", stoppedAt: Day(1, 9, 1));
        await ClockAsync(connection, x1, "first-response", "support", Alex, "x", "high", Day(1, 10), 120, "met", stoppedAt: Day(1, 10, 2));
        await ClockAsync(connection, x2, "first-response", "support", Alex, "x", "high", Day(2, 9), 300, "breached", stoppedAt: Day(2, 10, 5), breachedAt: Day(2, 10));
        await ClockAsync(connection, x2, "first-response", "support", Alex, "x", "high", Day(2, 11), 180, "met", stoppedAt: Day(2, 11, 3));
        await ClockAsync(connection, email, "first-response", "support", Jordan, "email", "normal", Day(3, 9), 240, "met", stoppedAt: Day(3, 9, 4));
        await ClockAsync(connection, email, "first-response", "support", Jordan, "email", "normal", Day(3, 10), 3000, "running", breachedAt: Day(3, 12));
        await ClockAsync(connection, email, "first-response", "sales", Jordan, "email", "normal", Day(4, 9), 100, "paused", pausedAt: Day(4, 9, 2));
        await ClockAsync(connection, email, "first-response", "sales", Jordan, "email", "normal", Day(4, 10), 50, "cancelled", stoppedAt: Day(4, 10, 1));
        // Resolution: Alex 3,600 s met and 7,200 s breached; Jordan (sales) 1,800 s met.
        await ClockAsync(connection, x1, "resolution", "support", Alex, "x", "high", Day(1, 9), 3600, "met", stoppedAt: Day(1, 11));
        await ClockAsync(connection, x2, "resolution", "support", Alex, "x", "high", Day(2, 9), 7200, "breached", stoppedAt: Day(4, 9), breachedAt: Day(4, 8));
        await ClockAsync(connection, email, "resolution", "sales", Jordan, "email", "normal", Day(2, 11), 1800, "met", stoppedAt: Day(2, 12));
        await ClockAsync(connection, x1, "next-response", "support", Alex, "x", "high", Day(1, 12), 600, "met", stoppedAt: Day(1, 12, 10));
        // Legal's consult OLA, nobody assigned, stopped past its target without a breach moment: it counts when it stopped.
        await ClockAsync(connection, chat, "consult", "legal", null, "chat", "urgent", Day(5, 8), 9000, "breached", stoppedAt: Day(5, 9));
        // Before the week: one met (not counted anywhere), one whose breach fell inside the week (only in the breach chart).
        await ClockAsync(connection, old, "first-response", "support", Alex, "email", "normal", Day(1).AddDays(-9), 30, "met", stoppedAt: Day(1).AddDays(-9));
        await ClockAsync(connection, old, "first-response", "support", Alex, "email", "normal", Day(1).AddDays(-2), 99999, "running", breachedAt: Day(2, 23, 30));

        // Surveys: Alex 5, 4 and one unanswered (support); Jordan 2 (support) and one unanswered (sales); one before the week.
        await SurveyAsync(connection, x1, customer, "support", Alex, Day(1, 13), 5);
        await SurveyAsync(connection, x2, customer, "support", Alex, Day(4, 13), 4);
        await SurveyAsync(connection, x2, customer, "support", Alex, Day(4, 14), null);
        await SurveyAsync(connection, email, customer, "support", Jordan, Day(3, 13), 2);
        await SurveyAsync(connection, email, customer, "sales", Jordan, Day(2, 13), null);
        await SurveyAsync(connection, old, customer, "support", Alex, Day(1).AddDays(-5), 1);
    }

    private static async Task<Guid> ConversationAsync(
        NpgsqlConnection connection, Guid customer, Guid identity, string channel, string department, string priority, DateTimeOffset openedAt)
    {
        var id = Guid.NewGuid();
        await ExecuteAsync(connection,
            """
            INSERT INTO conversations (id, customer_id, identity_id, channel, status, type, sentiment, sentiment_score, language, urgency,
                                       priority, department, routing_reason, preview, message_count, opened_at, last_activity_at, version)
            VALUES ($1, $2, $3, $4, 'open', 'question', 'neutral', 0, 'en', 'normal', $5, $6, 'test', 'test', 1, $7, $7, 1)
            """, id, customer, identity, channel, priority, department, openedAt);
        return id;
    }

    private static Task ClockAsync(
        NpgsqlConnection connection, Guid conversation, string metric, string department, Guid? assignee, string channel, string priority,
        DateTimeOffset startedAt, int elapsedSeconds, string outcome, DateTimeOffset? stoppedAt = null, DateTimeOffset? breachedAt = null,
        DateTimeOffset? pausedAt = null) =>
        ExecuteAsync(connection,
            """
            INSERT INTO service_level_clocks (id, conversation_id, metric, department, assignee_id, channel, priority, policy, target,
                                              started_at, paused_at, elapsed, breached_at, stopped_at, outcome, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'standard', interval '15 minutes', $8, $9, make_interval(secs => $10), $11, $12, $13, 1)
            """,
            Guid.NewGuid(), conversation, metric, department, (object?)assignee ?? DBNull.Value, channel, priority, startedAt,
            (object?)pausedAt ?? DBNull.Value, (double)elapsedSeconds, (object?)breachedAt ?? DBNull.Value, (object?)stoppedAt ?? DBNull.Value, outcome);

    private static async Task SurveyAsync(
        NpgsqlConnection connection, Guid conversation, Guid customer, string department, Guid assignee, DateTimeOffset sentAt, int? score)
    {
        var reply = Guid.NewGuid();
        await ExecuteAsync(connection,
            """
            INSERT INTO replies (id, conversation_id, customer_id, channel, department, kind, visibility, text, author_name, based_on_version,
                                 state, created_at, attempts, version)
            VALUES ($1, $2, $3, 'x', $4, 'survey', 'public', 'How satisfied are you?', 'system', 1, 'delivered', $5, 1, 1);
            INSERT INTO csat_surveys (id, conversation_id, customer_id, channel, department, assignee_id, priority, reply_id, sent_at, score, answered_at)
            VALUES ($6, $2, $3, 'x', $4, $7, 'high', $1, $5, $8::int, CASE WHEN $8::int IS NULL THEN NULL ELSE $5 + interval '1 hour' END);
            """, reply, conversation, customer, department, sentAt, Guid.NewGuid(), assignee, (object?)score ?? DBNull.Value);
    }

    private static async Task<Guid> StaffIdAsync(NpgsqlConnection connection, string displayName)
    {
        await using var command = new NpgsqlCommand("SELECT id FROM staff_users WHERE display_name = $1", connection);
        command.Parameters.AddWithValue(displayName);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var command = new NpgsqlBatchCommand(statement);
            var used = Enumerable.Range(1, values.Length).Where(i => statement.Contains($"${i}", StringComparison.Ordinal)).DefaultIfEmpty(0).Max();
            foreach (var value in values.Take(used))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync();
    }
}
