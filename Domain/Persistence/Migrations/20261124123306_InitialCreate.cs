using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialEnterprise.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "event_log",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    stream_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_log", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_probes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pipeline_probes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_heartbeats",
                columns: table => new
                {
                    service = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    instance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_heartbeats", x => new { x.service, x.instance });
                });

            migrationBuilder.CreateIndex(
                name: "ix_event_log_stream_id",
                table: "event_log",
                column: "stream_id");

            migrationBuilder.CreateIndex(
                name: "ix_pipeline_probes_waiting",
                table: "pipeline_probes",
                column: "requested_at",
                filter: "status = 'Requested'");

            // Event log order = commit order: every writer takes one transaction-scoped lock before its rows get
            // their sequence numbers (identity defaults are evaluated after BEFORE STATEMENT triggers), so a reader
            // that has seen sequence N never later finds a newly committed entry below N.
            migrationBuilder.Sql("""
                CREATE FUNCTION event_log_serialize_writers() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtext('event_log'));
                    RETURN NULL;
                END $$;

                CREATE TRIGGER event_log_serialize_writers BEFORE INSERT ON event_log
                    FOR EACH STATEMENT EXECUTE FUNCTION event_log_serialize_writers();

                CREATE FUNCTION notify_channel() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify(TG_ARGV[0], '');
                    RETURN NULL;
                END $$;

                CREATE TRIGGER event_log_notify AFTER INSERT ON event_log
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('event_log');

                CREATE TRIGGER pipeline_probes_notify AFTER INSERT ON pipeline_probes
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('pipeline_probes');

                CREATE FUNCTION event_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'event_log is append-only';
                END $$;

                CREATE TRIGGER event_log_append_only BEFORE UPDATE OR DELETE ON event_log
                    FOR EACH STATEMENT EXECUTE FUNCTION event_log_reject_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER pipeline_probes_notify ON pipeline_probes;
                DROP TRIGGER event_log_notify ON event_log;
                DROP TRIGGER event_log_serialize_writers ON event_log;
                DROP TRIGGER event_log_append_only ON event_log;
                DROP FUNCTION event_log_reject_change();
                DROP FUNCTION notify_channel();
                DROP FUNCTION event_log_serialize_writers();
                """);

            migrationBuilder.DropTable(
                name: "event_log");

            migrationBuilder.DropTable(
                name: "pipeline_probes");

            migrationBuilder.DropTable(
                name: "service_heartbeats");
        }
    }
}
