using System.Net.Http.Json;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Infrastructure.Collaboration;

namespace SocialEnterprise.Api.IntegrationTests.Collaboration;

/// <summary>
/// A consult's own clock, on an Api whose time the test moves (a class of its own: once moved, that Api's clock is
/// hours ahead of the intake's).
/// </summary>
public sealed class ConsultClockTests(CollaborationFixture fixture) : IClassFixture<CollaborationFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_clock_runs_from_the_departments_target_or_the_sooner_needed_by_on_track_then_at_risk_then_overdue()
    {
        var conversation = await fixture.OpenAsync($"I was charged twice, refund please {Collaboration.NewWord()}", _cancellation);
        var (_, agentToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        using var agent = fixture.CreateClient(agentToken);

        var asked = fixture.Time.GetUtcNow();
        var engineering = await agent.AskAsync(conversation.Id, "engineering", "Is the invoice service down?", _cancellation);
        var neededSooner = await agent.AskAsync(conversation.Id, "legal", "Can we waive the fee?", _cancellation, neededBy: asked.AddHours(1));
        var neededLater = await agent.AskAsync(conversation.Id, "legal", "Do we keep the receipt?", _cancellation, neededBy: asked.AddHours(10));

        // Engineering has 8 hours; the sooner needed-by wins over legal's 4; a later one does not.
        Assert.InRange(engineering.DueAt - asked, TimeSpan.FromHours(8), TimeSpan.FromHours(8.01));
        Assert.Equal(asked.AddHours(1), neededSooner.DueAt);
        Assert.InRange(neededLater.DueAt - asked, TimeSpan.FromHours(4), TimeSpan.FromHours(4.01));
        Assert.Equal(ConsultClockStates.OnTrack, (await ClockOfAsync(agent, conversation.Id, neededSooner.Id)));

        fixture.Time.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(ConsultClockStates.AtRisk, await ClockOfAsync(agent, conversation.Id, neededSooner.Id));
        Assert.Equal(ConsultClockStates.OnTrack, await ClockOfAsync(agent, conversation.Id, engineering.Id));

        fixture.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(ConsultClockStates.Overdue, await ClockOfAsync(agent, conversation.Id, neededSooner.Id));

        fixture.Time.Advance(TimeSpan.FromHours(5.5));
        Assert.Equal(ConsultClockStates.AtRisk, await ClockOfAsync(agent, conversation.Id, engineering.Id));
        Assert.Equal(ConsultClockStates.Overdue, await ClockOfAsync(agent, conversation.Id, neededLater.Id));

        fixture.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(ConsultClockStates.Overdue, await ClockOfAsync(agent, conversation.Id, engineering.Id));

        // Waiting on legal, due soonest first.
        var (_, legalToken) = await fixture.DemoStaffAsync("legal", _cancellation);
        using var legal = fixture.CreateClient(legalToken);
        var waiting = (await WaitingAsync(legal)).Where(c => c.ConversationId == conversation.Id).Select(c => c.Id).ToList();
        Assert.Equal([neededSooner.Id, neededLater.Id], waiting);
    }

    private async Task<string> ClockOfAsync(HttpClient client, Guid conversationId, Guid consultId) =>
        (await client.GetFromJsonAsync<List<ConsultView>>($"api/conversations/{conversationId}/consults", _cancellation))!
        .Single(c => c.Id == consultId).Clock;

    private async Task<List<ConsultView>> WaitingAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<ConsultView>>("api/consults", _cancellation))!;
}
