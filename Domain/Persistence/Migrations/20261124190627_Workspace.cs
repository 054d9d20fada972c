using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SocialEnterprise.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Workspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_conversations_department_last_activity_at",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_last_activity_at",
                table: "conversations");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "assigned_at",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "assignee_id",
                table: "conversations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "response_clock_started_at",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "response_due_at",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "response_warn_at",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "conversation_engagements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_engagements", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversation_engagements_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conversation_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    author_department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversation_notes_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "saved_inbox_views",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    query = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_inbox_views", x => x.id);
                    table.ForeignKey(
                        name: "fk_saved_inbox_views_asp_net_users_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_assignee_id_status_last_activity_at",
                table: "conversations",
                columns: new[] { "assignee_id", "status", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_department_status_last_activity_at",
                table: "conversations",
                columns: new[] { "department", "status", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_last_activity_at_id",
                table: "conversations",
                columns: new[] { "last_activity_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_response_due_at",
                table: "conversations",
                column: "response_due_at",
                filter: "response_due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_conversation_engagements_conversation_id_at",
                table: "conversation_engagements",
                columns: new[] { "conversation_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversation_notes_conversation_id_written_at",
                table: "conversation_notes",
                columns: new[] { "conversation_id", "written_at" });

            migrationBuilder.CreateIndex(
                name: "ix_saved_inbox_views_staff_id_name",
                table: "saved_inbox_views",
                columns: new[] { "staff_id", "name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_conversations_asp_net_users_assignee_id",
                table: "conversations",
                column: "assignee_id",
                principalTable: "staff_users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            // Open conversations from before response clocks existed start waiting from their last activity, under the
            // default targets (1 h urgent, 4 h high, 24 h normal, 72 h low).
            migrationBuilder.Sql("""
                UPDATE conversations
                SET response_clock_started_at = last_activity_at,
                    response_due_at = last_activity_at + t.target,
                    response_warn_at = last_activity_at + t.target * 0.8
                FROM (VALUES ('urgent', interval '1 hour'), ('high', interval '4 hours'), ('normal', interval '24 hours'), ('low', interval '72 hours'))
                    AS t(priority, target)
                WHERE conversations.status = 'open' AND conversations.priority = t.priority;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_conversations_asp_net_users_assignee_id",
                table: "conversations");

            migrationBuilder.DropTable(
                name: "conversation_engagements");

            migrationBuilder.DropTable(
                name: "conversation_notes");

            migrationBuilder.DropTable(
                name: "saved_inbox_views");

            migrationBuilder.DropIndex(
                name: "ix_conversations_assignee_id_status_last_activity_at",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_department_status_last_activity_at",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_last_activity_at_id",
                table: "conversations");

            migrationBuilder.DropIndex(
                name: "ix_conversations_response_due_at",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "assigned_at",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "assignee_id",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "response_clock_started_at",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "response_due_at",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "response_warn_at",
                table: "conversations");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_department_last_activity_at",
                table: "conversations",
                columns: new[] { "department", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_last_activity_at",
                table: "conversations",
                column: "last_activity_at");
        }
    }
}
