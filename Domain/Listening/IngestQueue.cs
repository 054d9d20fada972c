using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SocialEnterprise.Domain.Events;

namespace SocialEnterprise.Domain.Listening;

/// <summary>The intake queue's front door: an accepted event is one committed row, keyed by channel and external id.</summary>
public static class IngestQueue
{
    /// <summary>Commits the event (or finds the one with its external id) with one statement, before anything is answered.</summary>
    public static async Task<(Guid Id, bool Duplicate)> AcceptAsync(
        NpgsqlDataSource dataSource, string channel, IngestEventRequest ingestEvent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO ingest_events (id, channel, external_id, kind, payload, received_at, occurred_at, status, attempts, next_attempt_at, restored_by_staff)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'Pending', 0, $6, false)
            ON CONFLICT (channel, external_id) DO NOTHING
            RETURNING id
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7(now) });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ingestEvent.ExternalId! });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ingestEvent.Kind! });
            insert.Parameters.Add(new NpgsqlParameter<string>
            {
                TypedValue = JsonSerializer.Serialize(ingestEvent, EventTypes.SerializerOptions),
                NpgsqlDbType = NpgsqlDbType.Jsonb,
            });
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = ingestEvent.OccurredAt!.Value.ToUniversalTime() });
            if (await insert.ExecuteScalarAsync(cancellationToken) is Guid inserted)
            {
                return (inserted, false);
            }
        }

        // Already accepted (perhaps a moment ago by a concurrent request, which ON CONFLICT waited for).
        await using var existing = new NpgsqlCommand("SELECT id FROM ingest_events WHERE channel = $1 AND external_id = $2", connection);
        existing.Parameters.Add(new NpgsqlParameter<string> { TypedValue = channel });
        existing.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ingestEvent.ExternalId! });
        return ((Guid)(await existing.ExecuteScalarAsync(cancellationToken))!, true);
    }

}
