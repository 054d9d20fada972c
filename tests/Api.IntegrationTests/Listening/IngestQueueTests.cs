using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Listening;

/// <summary>Group commit: many submissions in one statement, each answered with its own row and whether it was new.</summary>
public sealed class IngestQueueTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_statement_answers_each_submission_with_its_row_and_repeats_as_duplicates()
    {
        await using var dataSource = NpgsqlDataSource.Create(api.DatabaseConnectionString);
        var now = DateTimeOffset.UtcNow;
        var earlier = ChannelEvents.Event("accepted before");
        var first = await IngestQueue.AcceptAsync(dataSource, [new IngestSubmission("x", earlier, now)], _cancellation);
        var fresh = ChannelEvents.Event("new in this batch");
        var other = ChannelEvents.Event("another new one");

        var answers = await IngestQueue.AcceptAsync(dataSource,
        [
            new IngestSubmission("x", fresh, now),
            new IngestSubmission("x", earlier, now),
            new IngestSubmission("x", fresh with { Text = "the same event again" }, now),
            new IngestSubmission("facebook", fresh, now),
            new IngestSubmission("x", other, now),
        ], _cancellation);

        Assert.False(Assert.Single(first).Duplicate);
        Assert.Equal([false, true, true, false, false], answers.Select(a => a.Duplicate));
        Assert.Equal(first[0].Id, answers[1].Id);
        Assert.Equal(answers[0].Id, answers[2].Id);
        Assert.Equal(4, answers.Select(a => a.Id).Append(first[0].Id).Distinct().Count());
        await using var db = api.NewDbContext();
        var stored = await db.IngestEvents.Where(e => e.ExternalId == fresh.ExternalId).ToListAsync(_cancellation);
        Assert.Equal(["facebook", "x"], stored.Select(e => e.Channel).Order());
        Assert.All(stored, e => Assert.Equal("new in this batch", e.Request().Text));
    }
}
