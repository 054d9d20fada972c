using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialEnterprise.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_service_level_clocks_breached_at_reported",
                table: "service_level_clocks",
                column: "breached_at",
                filter: "breached_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_service_level_clocks_stopped_at_breached",
                table: "service_level_clocks",
                column: "stopped_at",
                filter: "outcome = 'breached' AND breached_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_opened_at",
                table: "conversations",
                column: "opened_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_service_level_clocks_breached_at_reported",
                table: "service_level_clocks");

            migrationBuilder.DropIndex(
                name: "ix_service_level_clocks_stopped_at_breached",
                table: "service_level_clocks");

            migrationBuilder.DropIndex(
                name: "ix_conversations_opened_at",
                table: "conversations");
        }
    }
}
