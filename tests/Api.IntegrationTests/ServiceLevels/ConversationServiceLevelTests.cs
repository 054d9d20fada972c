using System.Net;
using System.Net.Http.Json;
using SocialEnterprise.Api.IntegrationTests.Listening;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.ServiceLevels;
using SocialEnterprise.Infrastructure.Staff;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.ServiceLevels;

/// <summary>A conversation's clocks through the Api: opened by the intake, paused by a status change, seen only where the conversation is.</summary>
public sealed class ConversationServiceLevelTests(ListeningFixture intake) : IClassFixture<ListeningFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_the_channel_held_for_days_counts_from_its_arrival_and_one_dated_ahead_does_not_pin_itself_to_the_top()
    {
        var arrivedAround = DateTimeOffset.UtcNow;
        var held = await intake.IngestAsync("x", ChannelEvents.Event(
            "I was charged twice for my order, please refund one", $"sla_{Guid.NewGuid():N}"[..14], "Hal Held",
            occurredAt: arrivedAround.AddDays(-3)), _cancellation);
        var ahead = await intake.IngestAsync("x", ChannelEvents.Event(
            "My invoice is wrong, please fix the amount", $"sla_{Guid.NewGuid():N}"[..14], "Ada Ahead",
            occurredAt: arrivedAround.AddHours(6)), _cancellation);
        await intake.SettleAsync(_cancellation);
        var heldConversation = await intake.ConversationAsync(await intake.ConversationOfAsync(held, _cancellation), _cancellation);
        var aheadConversation = await intake.ConversationAsync(await intake.ConversationOfAsync(ahead, _cancellation), _cancellation);

        using var admin = intake.CreateClient();
        var standing = (await admin.GetFromJsonAsync<ConversationServiceLevels>($"api/conversations/{heldConversation.Id}/sla", _cancellation))!;
        var first = standing.Clocks.Single(c => c.Metric == ServiceLevelMetrics.FirstResponse);
        // Not breached on arrival: nobody could answer a message the channel had not delivered.
        Assert.InRange(first.StartedAt, arrivedAround.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.Equal(ServiceLevelStates.OnTrack, standing.BannerState);
        var heldMessage = Assert.Single(heldConversation.Messages);
        Assert.Equal(arrivedAround.AddDays(-3).ToUnixTimeMilliseconds(), heldMessage.OccurredAt.ToUnixTimeMilliseconds());
        Assert.NotNull(heldMessage.ReceivedAt);

        // Dated six hours ahead: ordered by when it reached us, not kept at the top of every inbox until then.
        Assert.InRange(aheadConversation.LastActivityAt, arrivedAround.AddMinutes(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task The_intake_starts_the_clocks_a_status_change_pauses_them_and_other_departments_do_not_see_them()
    {
        var written = DateTimeOffset.UtcNow.AddMinutes(-3);
        var id = await intake.IngestAsync("x", ChannelEvents.Event(
            "I was charged twice for my order, please refund one", $"sla_{Guid.NewGuid():N}"[..14], "Sal Ample", occurredAt: written), _cancellation);
        await intake.SettleAsync(_cancellation);
        var conversation = await intake.ConversationAsync(await intake.ConversationOfAsync(id, _cancellation), _cancellation);

        using var admin = intake.CreateClient();
        var standing = (await admin.GetFromJsonAsync<ConversationServiceLevels>($"api/conversations/{conversation.Id}/sla", _cancellation))!;
        Assert.Equal(
            [ServiceLevelMetrics.FirstResponse, ServiceLevelMetrics.Resolution],
            standing.Clocks.Select(c => c.Metric).Order(StringComparer.Ordinal));
        var first = standing.Clocks.Single(c => c.Metric == ServiceLevelMetrics.FirstResponse);
        // Since the customer wrote (the written time survives to the microsecond), under the standard policy.
        Assert.Equal(written.ToUnixTimeMilliseconds(), first.StartedAt.ToUnixTimeMilliseconds());
        Assert.Equal(SlaPolicy.Standard, first.Policy);
        Assert.Equal(ServiceLevelStates.OnTrack, standing.BannerState);
        Assert.Contains("left for the first response", standing.Banner, StringComparison.Ordinal);
        Assert.Equal(first.DueAt, conversation.ResponseDueAt);

        using (var pending = await admin.PostAsJsonAsync($"api/conversations/{conversation.Id}/status", new { status = ConversationStatuses.Pending }, _cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, pending.StatusCode);
        }

        standing = (await admin.GetFromJsonAsync<ConversationServiceLevels>($"api/conversations/{conversation.Id}/sla", _cancellation))!;
        Assert.All(standing.Clocks, clock => Assert.Equal(ClockStates.Paused, clock.State));

        // Visible only where the conversation is: another department's agent gets 404, as for the conversation itself.
        var department = conversation.Department;
        var other = Department.Standard.First(d => d.Id != department).Id;
        using var outsider = intake.CreateStaffClient(StaffRoles.Agent, other);
        using var hidden = await outsider.GetAsync($"api/conversations/{conversation.Id}/sla", _cancellation);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var insider = intake.CreateStaffClient(StaffRoles.Agent, department);
        using var shown = await insider.GetAsync($"api/conversations/{conversation.Id}/sla", _cancellation);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }
}
