using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Events;

/// <summary>
/// Appends many entries to the event log in one statement, in their order: the log's per-statement triggers (the
/// one-writer lock, the notification) run once instead of once per entry, and no sequence is read back.
/// </summary>
public static class EventLogBatch
{
    public static async Task AppendAsync(CrmDbContext db, IReadOnlyList<EventLogEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var types = entries.Select(e => e.Type).ToArray();
        var streams = entries.Select(e => e.StreamId).ToArray();
        var payloads = entries.Select(e => e.Payload).ToArray();
        var occurred = entries.Select(e => e.OccurredAt.ToUniversalTime()).ToArray();
        var traces = entries.Select(e => e.TraceParent).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO event_log (type, stream_id, payload, occurred_at, trace_parent)
            SELECT type, stream_id, payload::jsonb, occurred_at, trace_parent
            FROM unnest({types}, {streams}, {payloads}, {occurred}, {traces}) WITH ORDINALITY
                AS entry(type, stream_id, payload, occurred_at, trace_parent, position)
            ORDER BY position
            """,
            cancellationToken);
    }
}
