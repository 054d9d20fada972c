using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Collaboration;

/// <summary>
/// A staff member's notifications as they read them: the states of one subject on one conversation folded into its latest
/// (<see cref="NotificationKinds.SubjectOf"/>), so that a late clock's "at risk", "breach predicted" and "breached" are one
/// line, and a mention or an approval request stays a line of its own. Every notification is kept; reading one reads its fold.
/// </summary>
public static class NotificationCentre
{
    // A notification's fold: its subject and link, or itself when its kind is never folded.
    private const string Folds = """
        WITH subjects AS (SELECT * FROM unnest(@subject_kinds::text[], @subjects::text[]) AS s(kind, subject)),
        mine AS (
            SELECT n.id, n.kind, n.text, n.link, n.created_at, n.read_at, COALESCE(s.subject || ' ' || n.link, n.id::text) AS fold
            FROM staff_notifications n LEFT JOIN subjects s ON s.kind = n.kind
            WHERE n.recipient_id = @me)
        """;

    private static readonly string[] SubjectKinds = [.. NotificationKinds.All.Where(kind => NotificationKinds.SubjectOf(kind) is not null)];

    private static readonly string[] Subjects = [.. SubjectKinds.Select(kind => NotificationKinds.SubjectOf(kind)!)];

    /// <summary>The newest <paramref name="limit"/> folds of the kinds asked for, and how many folds of any kind are unread.</summary>
    public static async Task<NotificationPage> ListAsync(
        CrmDbContext db, Guid staffId, IReadOnlyCollection<string> kinds, int limit, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(await OpenAsync(db, cancellationToken))
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"""
                    {Folds},
                    folded AS (
                        SELECT DISTINCT ON (fold) id, kind, text, link, created_at,
                               CASE WHEN bool_or(read_at IS NULL) OVER w THEN NULL ELSE max(read_at) OVER w END AS read_at,
                               count(*) OVER w AS updates
                        FROM mine WHERE kind = ANY(@kinds)
                        WINDOW w AS (PARTITION BY fold)
                        ORDER BY fold, created_at DESC, id DESC)
                    SELECT id, kind, text, link, created_at, read_at, updates::int FROM folded ORDER BY created_at DESC, id DESC LIMIT @limit
                    """),
                new NpgsqlBatchCommand($"{Folds} SELECT count(DISTINCT fold)::int FROM mine WHERE read_at IS NULL"),
            },
        };
        foreach (var command in batch.BatchCommands.Cast<NpgsqlBatchCommand>())
        {
            AddFoldParameters(command.Parameters, staffId);
        }

        batch.BatchCommands[0].Parameters.AddWithValue("kinds", kinds.ToArray());
        batch.BatchCommands[0].Parameters.AddWithValue("limit", limit);
        var items = new List<NotificationView>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new NotificationView(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt32(6)));
        }

        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new NotificationPage(items, reader.GetInt32(0));
    }

    /// <summary>Marks the notification and the rest of its fold read; false when the staff member has no such notification.</summary>
    public static async Task<bool> MarkReadAsync(CrmDbContext db, Guid staffId, Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            {Folds},
            marked AS (
                UPDATE staff_notifications n SET read_at = @now
                FROM mine WHERE n.id = mine.id AND n.read_at IS NULL AND mine.fold = (SELECT fold FROM mine WHERE id = @id))
            SELECT EXISTS (SELECT 1 FROM mine WHERE id = @id)
            """, await OpenAsync(db, cancellationToken));
        AddFoldParameters(command.Parameters, staffId);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("now", now);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static void AddFoldParameters(NpgsqlParameterCollection parameters, Guid staffId)
    {
        parameters.AddWithValue("subject_kinds", SubjectKinds);
        parameters.AddWithValue("subjects", Subjects);
        parameters.AddWithValue("me", staffId);
    }

    private static async Task<NpgsqlConnection> OpenAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return (NpgsqlConnection)db.Database.GetDbConnection();
    }
}
