using System.Net;
using System.Net.Http.Json;
using Npgsql;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Staff;

namespace SocialEnterprise.Api.IntegrationTests.Audit;

public sealed class AuditApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admins_filter_the_log_by_action_actor_and_time_and_page_through_it()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        // Whole seconds: PostgreSQL keeps microseconds, so a finer time would not compare equal after the round trip.
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero).AddDays(-3);
        await using (var db = api.NewDbContext())
        {
            for (var i = 0; i < 7; i++)
            {
                db.AuditLog.Add(AuditEntry.Record(start.AddHours(i), $"eve-{marker}@example.test", AuditActorKinds.Anonymous, AuditActions.SignInFailed, address: "203.0.113.9"));
            }

            db.AuditLog.Add(AuditEntry.Record(start.AddHours(1), $"eve-{marker}@example.test", AuditActorKinds.Staff, AuditActions.SignedIn));
            await db.SaveChangesAsync(_cancellation);
        }

        using var admin = api.CreateStaffClient(StaffRoles.Admin);
        var query = $"action={AuditActions.SignInFailed}&actor=EVE-{marker}&since={Uri.EscapeDataString(start.AddHours(1).ToString("O"))}";
        var first = await admin.GetFromJsonAsync<AuditPage>($"api/admin/audit?{query}&take=4", _cancellation);
        var second = await admin.GetFromJsonAsync<AuditPage>($"api/admin/audit?{query}&take=4&before={first!.NextBefore}", _cancellation);

        Assert.Equal(4, first.Items.Count);
        Assert.Equal(2, second!.Items.Count);
        Assert.Null(second.NextBefore);
        var all = first.Items.Concat(second.Items).ToList();
        Assert.All(all, entry => Assert.Equal(AuditActions.SignInFailed, entry.Action));
        Assert.Equal(all.OrderByDescending(entry => entry.Id).Select(entry => entry.Id), all.Select(entry => entry.Id));
        Assert.All(all, entry => Assert.True(entry.OccurredAt >= start.AddHours(1)));
    }

    [Theory]
    [InlineData("action=staff.did-something")]
    [InlineData("take=0")]
    [InlineData("since=2026-11-02T00:00:00Z&until=2026-11-01T00:00:00Z")]
    public async Task Bad_filters_are_problems_not_errors(string query)
    {
        using var admin = api.CreateStaffClient(StaffRoles.Admin);

        using var response = await admin.GetAsync($"api/admin/audit?{query}", _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_export_is_a_CSV_of_the_filtered_log_and_is_itself_audited()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await using (var db = api.NewDbContext())
        {
            db.AuditLog.Add(AuditEntry.Record(DateTimeOffset.UtcNow, $"=HYPERLINK(\"x\"),{marker}", AuditActorKinds.Anonymous, AuditActions.SignInFailed));
            await db.SaveChangesAsync(_cancellation);
        }

        using var admin = api.CreateStaffClient(StaffRoles.Admin);
        using var response = await admin.GetAsync($"api/admin/audit/export?actor={marker}", _cancellation);
        var csv = await response.Content.ReadAsStringAsync(_cancellation);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,occurred_at,actor,actor_kind,action,target,detail,address", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains($"\"'=HYPERLINK(\"\"x\"\"),{marker}\"", row, StringComparison.Ordinal);
        var exports = await admin.GetFromJsonAsync<AuditPage>($"api/admin/audit?action={AuditActions.AuditExported}&actor=admin@example.test", _cancellation);
        Assert.Contains(exports!.Items, entry => entry.Detail!.Contains(marker, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("UPDATE audit_log SET actor = 'nobody'")]
    [InlineData("DELETE FROM audit_log")]
    public async Task The_audit_log_is_append_only(string statement)
    {
        await using (var db = api.NewDbContext())
        {
            db.AuditLog.Add(AuditEntry.Record(DateTimeOffset.UtcNow, "witness", AuditActorKinds.System, AuditActions.SignedIn));
            await db.SaveChangesAsync(_cancellation);
        }

        await using var connection = new NpgsqlConnection(api.DatabaseConnectionString);
        await connection.OpenAsync(_cancellation);
        await using var command = new NpgsqlCommand(statement, connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(_cancellation));
        Assert.Contains("audit_log is append-only", refused.MessageText, StringComparison.Ordinal);
    }
}
