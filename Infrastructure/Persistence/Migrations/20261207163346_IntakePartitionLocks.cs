using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialEnterprise.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The intake's claim locks the partitions of authors it takes events from until its transaction ends, so that any
    /// number of carrying loops in any number of Workers processes carry one author's events one batch at a time, in
    /// order (two batches of one author at once would each create the customer, or thread a reply before its parent).
    /// It takes up to <c>take</c> partitions that no other batch holds, those of the oldest due events first; a partition
    /// without due events is never locked.
    /// </summary>
    public partial class IntakePartitionLocks : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION claim_ingest_events(timestamptz, integer, integer, integer);

                CREATE FUNCTION claim_ingest_events(due timestamptz, partitions integer, take integer, size integer)
                    RETURNS SETOF ingest_events LANGUAGE plpgsql
                    SET enable_bitmapscan = off SET enable_seqscan = off SET enable_sort = off
                AS $$
                DECLARE
                    mine integer[] := '{}';
                    tried integer[] := '{}';
                    candidate integer;
                BEGIN
                    -- The partitions of the oldest due events first, as they come in queue order.
                    FOR candidate IN
                        SELECT oldest.shard % partitions FROM (
                            SELECT shard FROM ingest_events
                            WHERE status = 'pending' AND next_attempt_at <= due
                            ORDER BY next_attempt_at, received_at
                            LIMIT size * 4) AS oldest
                    LOOP
                        EXIT WHEN cardinality(mine) >= take;
                        CONTINUE WHEN candidate = ANY (tried);
                        tried := tried || candidate;
                        IF pg_try_advisory_xact_lock(hashtext('ingest_partitions'), candidate) THEN
                            mine := mine || candidate;
                        END IF;
                    END LOOP;

                    IF cardinality(mine) > 0 THEN
                        RETURN QUERY
                            SELECT * FROM ingest_events
                            WHERE status = 'pending' AND next_attempt_at <= due AND shard % partitions = ANY (mine)
                            ORDER BY next_attempt_at, received_at
                            LIMIT size
                            FOR UPDATE SKIP LOCKED;
                    END IF;
                END $$;
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION claim_ingest_events(timestamptz, integer, integer, integer);

                CREATE FUNCTION claim_ingest_events(due timestamptz, partitions integer, part integer, size integer)
                    RETURNS SETOF ingest_events LANGUAGE sql
                    SET enable_bitmapscan = off SET enable_seqscan = off SET enable_sort = off
                AS $$
                    SELECT * FROM ingest_events
                    WHERE status = 'pending' AND next_attempt_at <= due AND shard % partitions = part
                    ORDER BY next_attempt_at, received_at
                    LIMIT size
                    FOR UPDATE SKIP LOCKED
                $$;
                """);
        }
    }
}
