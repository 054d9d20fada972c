using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Collaboration;

/// <summary>
/// A staff member's notifications as they read them: the states of one subject on one conversation folded into its latest
/// (<see cref="NotificationKinds.SubjectOf"/>), so that a late clock's "at risk", "breach predicted" and "breached" are one
/// line, and a mention or an approval request stays a line of its own. Every notification is kept; the list folds the newest
/// <see cref="Window"/> of them, and reading a line reads its whole fold.
/// </summary>
public static class NotificationCentre
{
    /// <summary>
    /// How many of a reader's newest notifications the list folds: a manager collects thousands a day under load, and the
    /// list shows at most a couple of hundred lines, so older ones are not sorted again on every reload of the bell.
    /// </summary>
    public const int Window = 2_000;

    private const string Subjects = "subjects AS (SELECT * FROM unnest(@subject_kinds::text[], @subjects::text[]) AS s(kind, subject))";

    // A notification's fold: its subject and link, or itself when its kind is never folded (joined to subjects as s).
    private const string Fold = "COALESCE(s.subject || ' ' || n.link, n.id::text)";

    private static readonly string[] SubjectKinds = [.. NotificationKinds.All.Where(kind => NotificationKinds.SubjectOf(kind) is not null)];

    private static readonly string[] SubjectNames = [.. SubjectKinds.Select(kind => NotificationKinds.SubjectOf(kind)!)];

    /// <summary>The newest <paramref name="limit"/> folds of the kinds asked for, and how many folds of any kind are unread.</summary>
    public static async Task<NotificationPage> ListAsync(
        CrmDbContext db, Guid staffId, IReadOnlyCollection<string> kinds, int limit, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(await OpenAsync(db, cancellationToken))
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand($"""
                    WITH {Subjects},
                    recent AS (
                        SELECT n.id, n.kind, n.text, n.link, n.created_at, n.read_at, {Fold} AS fold
                        FROM staff_notifications n LEFT JOIN subjects s ON s.kind = n.kind
                        WHERE n.recipient_id = @me AND n.kind = ANY(@kinds)
                        ORDER BY n.created_at DESC LIMIT {Window}),
                    folded AS (
                        SELECT DISTINCT ON (fold) id, kind, text, link, created_at,
                               CASE WHEN bool_or(read_at IS NULL) OVER w THEN NULL ELSE max(read_at) OVER w END AS read_at,
                               count(*) OVER w AS updates
                        FROM recent
                        WINDOW w AS (PARTITION BY fold)
                        ORDER BY fold, created_at DESC, id DESC)
                    SELECT id, kind, text, link, created_at, read_at, updates::int FROM folded ORDER BY created_at DESC, id DESC LIMIT @limit
                    """),
                // Unread ones only, by their own index: what is unread stays few however many were read.
                new NpgsqlBatchCommand($"""
                    WITH {Subjects}
                    SELECT count(DISTINCT {Fold})::int FROM staff_notifications n LEFT JOIN subjects s ON s.kind = n.kind
                    WHERE n.recipient_id = @me AND n.read_at IS NULL
                    """),
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
            WITH {Subjects},
            target AS (
                SELECT {Fold} AS fold FROM staff_notifications n LEFT JOIN subjects s ON s.kind = n.kind
                WHERE n.id = @id AND n.recipient_id = @me),
            marked AS (
                UPDATE staff_notifications n SET read_at = @now
                WHERE n.recipient_id = @me AND n.read_at IS NULL
                  AND COALESCE((SELECT s.subject FROM subjects s WHERE s.kind = n.kind) || ' ' || n.link, n.id::text) = (SELECT fold FROM target))
            SELECT EXISTS (SELECT 1 FROM target)
            """, await OpenAsync(db, cancellationToken));
        AddFoldParameters(command.Parameters, staffId);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("now", now);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static void AddFoldParameters(NpgsqlParameterCollection parameters, Guid staffId)
    {
        parameters.AddWithValue("subject_kinds", SubjectKinds);
        parameters.AddWithValue("subjects", SubjectNames);
        parameters.AddWithValue("me", staffId);
    }

    private static async Task<NpgsqlConnection> OpenAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return (NpgsqlConnection)db.Database.GetDbConnection();
    }
}
