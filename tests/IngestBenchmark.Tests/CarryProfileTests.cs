using SocialEnterprise.IngestBenchmark;

namespace SocialEnterprise.IngestBenchmark.Tests;

public sealed class CarryProfileTests
{
    [Theory]
    [InlineData("SELECT * FROM ingest_events WHERE status = $1 FOR UPDATE SKIP LOCKED", "ingest_events")]
    [InlineData("INSERT INTO messages (id, text) VALUES ($1, $2)", "messages")]
    [InlineData("UPDATE \"conversations\" SET version = $1 WHERE id = $2", "conversations")]
    [InlineData("SELECT c.id FROM customer_identities AS c WHERE c.channel = $1", "customer_identities")]
    [InlineData("SAVEPOINT ingest_event", "transaction control")]
    [InlineData("RELEASE SAVEPOINT ingest_event", "transaction control")]
    [InlineData("SELECT 1", "other")]
    public void A_statement_counts_for_the_table_it_reads_or_writes_first(string query, string stage)
    {
        Assert.Equal(stage, CarryProfile.StageOf(query));
    }

    [Theory]
    [InlineData("select status, count(*) from ingest_events where external_id like $1 group by status")]
    [InlineData("SELECT pg_stat_statements_reset()")]
    public void The_benchmarks_own_reads_are_left_out(string query)
    {
        Assert.Null(CarryProfile.StageOf(query));
    }

    [Fact]
    public void Costs_read_per_event_then_stage_by_stage()
    {
        var cost = new CarryCost(1_000, 3.25, 1.02, 14.5, [new StageCost("messages", 2, 0.4), new StageCost("conversations", 3, 0.2)], []);

        var lines = cost.Lines().ToList();

        Assert.Equal("carry cost:            3.25 ms Workers CPU per event; 1.02 transactions and 14.5 statements per event (1,000 events)", lines[0]);
        Assert.Contains("messages", lines[1], StringComparison.Ordinal);
        Assert.Contains("2.00 statements/event,  0.400 ms/event", lines[1], StringComparison.Ordinal);
    }
}
