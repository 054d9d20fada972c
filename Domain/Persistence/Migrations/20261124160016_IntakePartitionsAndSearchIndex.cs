using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialEnterprise.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class IntakePartitionsAndSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_messages_search_vector",
                table: "messages");

            migrationBuilder.AddColumn<int>(
                name: "shard",
                table: "ingest_events",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "ix_messages_search_vector",
                table: "messages",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_messages_search_vector",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "shard",
                table: "ingest_events");

            migrationBuilder.CreateIndex(
                name: "ix_messages_search_vector",
                table: "messages",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
