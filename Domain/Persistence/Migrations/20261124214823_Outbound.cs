using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialEnterprise.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Outbound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Wakes the delivery worker whenever a reply joins the outbound queue: written queued, approved, or retried.
            // The worker's own lease (an update of next_attempt_at only) and the later states raise nothing.
            migrationBuilder.Sql("""
                CREATE TRIGGER replies_queued_notify AFTER INSERT OR UPDATE OF state ON replies
                    FOR EACH ROW WHEN (NEW.state = 'queued')
                    EXECUTE FUNCTION notify_channel('replies');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER replies_queued_notify ON replies;");
        }
    }
}
