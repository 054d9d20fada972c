using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Listening;

namespace SocialEnterprise.Infrastructure.Listening;

/// <summary>An event a channel posted, as the Api hands it to the queue, with the trace of the request that brought it.</summary>
public sealed record IngestSubmission(string Channel, IngestEventRequest Event, DateTimeOffset ReceivedAt, string? TraceParent = null);

/// <summary>
/// The intake queue's front door: an accepted event is one committed row in <c>ingest_events</c>, keyed by channel and
/// external id, so a redelivery finds the row it made the first time.
/// </summary>
public static class IngestQueue
{
    /// <summary>
    /// Commits the submissions in one statement (so many events share one commit) and says, for each in order, the id
    /// of its row and whether it was already there. Nothing is answered before the statement commits.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, bool Duplicate)>> AcceptAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<IngestSubmission> submissions, CancellationToken cancellationToken)
    {
        // The first of several submissions with one key is the one stored; the rest are its duplicates.
        var keys = submissions.Select(s => (s.Channel, ExternalId: s.Event.ExternalId!)).ToList();
        var firsts = submissions.Select((s, index) => (s, index)).DistinctBy(pair => keys[pair.index]).ToList();
        var proposed = firsts.Select(pair => Guid.CreateVersion7(pair.s.ReceivedAt)).ToArray();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = new HashSet<Guid>();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO ingest_events (id, channel, external_id, kind, payload, received_at, occurred_at, shard, trace_parent, status, attempts, next_attempt_at, restored_by_staff)
            SELECT id, channel, external_id, kind, payload, received_at, occurred_at, shard, trace_parent, 'pending', 0, received_at, false
            FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::timestamptz[], $7::timestamptz[], $8::integer[], $9::text[])
                AS submitted(id, channel, external_id, kind, payload, received_at, occurred_at, shard, trace_parent)
            ON CONFLICT (channel, external_id) DO NOTHING
            RETURNING id
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = proposed });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = firsts.Select(p => p.s.Channel).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = firsts.Select(p => p.s.Event.ExternalId!).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = firsts.Select(p => p.s.Event.Kind!).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter<string[]>
            {
                TypedValue = firsts.Select(p => JsonSerializer.Serialize(p.s.Event, EventTypes.SerializerOptions)).ToArray(),
                NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb,
            });
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = firsts.Select(p => p.s.ReceivedAt).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = firsts.Select(p => p.s.Event.OccurredAt!.Value.ToUniversalTime()).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = firsts.Select(p => IngestShards.Of(p.s.Channel, p.s.Event.Author!.Handle!, p.s.Event.Author.Email)).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = firsts.Select(p => p.s.TraceParent).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(reader.GetGuid(0));
            }
        }

        var ids = new Dictionary<(string, string), (Guid Id, bool Duplicate)>();
        for (var i = 0; i < firsts.Count; i++)
        {
            if (inserted.Contains(proposed[i]))
            {
                ids[keys[firsts[i].index]] = (proposed[i], false);
            }
        }

        if (ids.Count < firsts.Count)
        {
            // Already accepted (perhaps a moment ago by a concurrent request, which ON CONFLICT waited for).
            var missing = firsts.Select(p => keys[p.index]).Where(key => !ids.ContainsKey(key)).ToList();
            await using var existing = new NpgsqlCommand(
                """
                SELECT e.id, e.channel, e.external_id FROM ingest_events e
                JOIN unnest($1::text[], $2::text[]) AS wanted(channel, external_id) USING (channel, external_id)
                """, connection);
            existing.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = missing.Select(k => k.Item1).ToArray() });
            existing.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = missing.Select(k => k.Item2).ToArray() });
            await using var reader = await existing.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids[(reader.GetString(1), reader.GetString(2))] = (reader.GetGuid(0), true);
            }
        }

        var firstIndex = firsts.ToDictionary(pair => keys[pair.index], pair => pair.index);
        return keys.Select((key, index) => firstIndex[key] == index ? ids[key] : (ids[key].Id, true)).ToList();
    }
}
