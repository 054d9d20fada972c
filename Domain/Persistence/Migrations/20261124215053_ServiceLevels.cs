using System;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Migrations;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.ServiceLevels;

#nullable disable

namespace SocialEnterprise.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ServiceLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resumed_at",
                table: "service_level_clocks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "trigger",
                table: "routing_rules",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "conversation-opened");

            migrationBuilder.CreateTable(
                name: "sla_calendars",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hours = table.Column<string>(type: "jsonb", nullable: false),
                    holidays = table.Column<string>(type: "jsonb", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_calendars", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "sla_policies",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    calendar = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    targets = table.Column<string>(type: "jsonb", nullable: false),
                    olas = table.Column<string>(type: "jsonb", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_policies", x => x.name);
                    table.ForeignKey(
                        name: "fk_sla_policies_sla_calendars_calendar",
                        column: x => x.calendar,
                        principalTable: "sla_calendars",
                        principalColumn: "name",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_service_level_clocks_pending_moments",
                table: "service_level_clocks",
                column: "due_at",
                filter: "stopped_at IS NULL AND breached_at IS NULL AND due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sla_policies_calendar",
                table: "sla_policies",
                column: "calendar");

            // The calendars and policies every workspace starts with ("standard" keeps the response targets of before).
            foreach (var calendar in SlaDefaults.Calendars())
            {
                migrationBuilder.InsertData(
                    table: "sla_calendars",
                    columns: ["name", "time_zone", "hours", "holidays", "changed_at", "changed_by"],
                    columnTypes: ["character varying(40)", "character varying(64)", "jsonb", "jsonb", "timestamp with time zone", "character varying(256)"],
                    values: new object[]
                    {
                        calendar.Name, calendar.TimeZone, JsonSerializer.Serialize(calendar.Hours, EventTypes.SerializerOptions),
                        JsonSerializer.Serialize(calendar.Holidays, EventTypes.SerializerOptions), calendar.ChangedAt, calendar.ChangedBy,
                    });
            }

            foreach (var policy in SlaDefaults.Policies())
            {
                migrationBuilder.InsertData(
                    table: "sla_policies",
                    columns: ["name", "description", "calendar", "targets", "olas", "changed_at", "changed_by"],
                    columnTypes: ["character varying(40)", "character varying(300)", "character varying(40)", "jsonb", "jsonb", "timestamp with time zone", "character varying(256)"],
                    values: new object[]
                    {
                        policy.Name, policy.Description, policy.Calendar, JsonSerializer.Serialize(policy.Targets, EventTypes.SerializerOptions),
                        JsonSerializer.Serialize(policy.Olas, EventTypes.SerializerOptions), policy.ChangedAt, policy.ChangedBy,
                    });
            }

            // The clock scheduler hears of every clock whose moments change, in the transaction that changes them.
            migrationBuilder.Sql("""
                CREATE FUNCTION service_level_clocks_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('service_level_clocks', NEW.id::text);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER service_level_clocks_notify_insert AFTER INSERT ON service_level_clocks
                    FOR EACH ROW EXECUTE FUNCTION service_level_clocks_notify();
                CREATE TRIGGER service_level_clocks_notify_update AFTER UPDATE OF warn_at, due_at, predicted_breach_at, stopped_at, paused_at ON service_level_clocks
                    FOR EACH ROW EXECUTE FUNCTION service_level_clocks_notify();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER service_level_clocks_notify_update ON service_level_clocks;
                DROP TRIGGER service_level_clocks_notify_insert ON service_level_clocks;
                DROP FUNCTION service_level_clocks_notify();
                """);

            migrationBuilder.DropTable(
                name: "sla_policies");

            migrationBuilder.DropTable(
                name: "sla_calendars");

            migrationBuilder.DropIndex(
                name: "ix_service_level_clocks_pending_moments",
                table: "service_level_clocks");

            migrationBuilder.DropColumn(
                name: "resumed_at",
                table: "service_level_clocks");

            migrationBuilder.DropColumn(
                name: "trigger",
                table: "routing_rules");
        }
    }
}
