using Npgsql;
using SocialEnterprise.Simulator.Measuring;

namespace SocialEnterprise.IngestBenchmark;

/// <summary>The Api's <c>ingest_events</c> table, read directly: which of one run's events the Workers have dealt with, and how fast.</summary>
public sealed class IngestEventsTable(NpgsqlDataSource database)
{
    public const string Pending = "pending";

    /// <summary>Rows of the run whose external ids start with <paramref name="prefix"/>, by status.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByStatusAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "select status, count(*) from ingest_events where external_id like $1 group by status");
        command.Parameters.Add(new NpgsqlParameter { Value = prefix + "%" });
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>From received to processed (classified and stored, or filtered), in milliseconds, for every processed row of the run.</summary>
    public async Task<LatencySummary> ProcessingLatencyAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "select extract(epoch from processed_at - received_at)::float8 * 1000 from ingest_events " +
            "where external_id like $1 and processed_at is not null");
        command.Parameters.Add(new NpgsqlParameter { Value = prefix + "%" });
        var latencies = new List<double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            latencies.Add(reader.GetDouble(0));
        }

        return LatencySummary.Of(latencies);
    }

    /// <summary>
    /// The median time from received to processed of the events received in each <paramref name="window"/> of the phase:
    /// flat means the carriers keep up at a cost per event; rising means they fall behind.
    /// </summary>
    public async Task<IReadOnlyList<double>> MedianLatencyByWindowAsync(string prefix, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            with carried as (
                select floor(extract(epoch from received_at - min(received_at) over ())::float8 / $2) as arrival,
                       extract(epoch from processed_at - received_at)::float8 * 1000 as latency
                from ingest_events
                where external_id like $1 and processed_at is not null)
            select percentile_cont(0.5) within group (order by latency) from carried group by arrival order by arrival
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = prefix + "%" });
        command.Parameters.Add(new NpgsqlParameter { Value = window.TotalSeconds });
        var medians = new List<double>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            medians.Add(reader.GetDouble(0));
        }

        return medians;
    }
}
