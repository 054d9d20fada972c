using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialEnterprise.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Collaboration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "consult_id",
                table: "conversation_notes",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "consults",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requester_department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    target_department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    requested_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    needed_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    warn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    accepted_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answered_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answer_note_id = table.Column<Guid>(type: "uuid", nullable: true),
                    declined_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    declined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consults", x => x.id);
                    table.ForeignKey(
                        name: "fk_consults_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_notifications_asp_net_users_recipient_id",
                        column: x => x.recipient_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consults_answered_by_id",
                table: "consults",
                column: "answered_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_consults_conversation_id_requested_at",
                table: "consults",
                columns: new[] { "conversation_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_consults_target_department_conversation_id",
                table: "consults",
                columns: new[] { "target_department", "conversation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_consults_target_department_state_due_at",
                table: "consults",
                columns: new[] { "target_department", "state", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_notifications_recipient_id_created_at",
                table: "staff_notifications",
                columns: new[] { "recipient_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_notifications_unread",
                table: "staff_notifications",
                column: "recipient_id",
                filter: "read_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consults");

            migrationBuilder.DropTable(
                name: "staff_notifications");

            migrationBuilder.DropColumn(
                name: "consult_id",
                table: "conversation_notes");
        }
    }
}
