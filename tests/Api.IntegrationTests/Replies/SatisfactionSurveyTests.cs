using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Replies;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Replies;

/// <summary>CSAT: resolving an answered conversation surveys the customer through the channel; the answer lands on the conversation.</summary>
public sealed class SatisfactionSurveyTests(ReplyDeliveryFixture fixture) : IClassFixture<ReplyDeliveryFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Resolving_an_answered_conversation_sends_the_survey_through_its_channel_and_the_answer_shows_on_it()
    {
        var (conversationId, handle, _) = await fixture.OpenAsync(IngestChannels.Chat, _cancellation, MessageKinds.Chat);
        await fixture.ReplyAsync(conversationId, "Your parcel is on its way.", _cancellation);
        using var host = fixture.Dispatcher();
        await host.Dispatcher().DrainAsync(_cancellation);

        await ResolveAsync(conversationId);

        var detail = await fixture.ConversationAsync(conversationId, _cancellation);
        var survey = Assert.Single(detail.Surveys!);
        var surveyReply = Assert.Single(detail.Replies!, reply => reply.Kind == ReplyKinds.Survey);
        Assert.Equal((survey.ReplyId, ReplyStates.Queued, (Guid?)null), (surveyReply.Id, surveyReply.State, surveyReply.AuthorId));
        Assert.StartsWith("How satisfied are you", surveyReply.Text);
        await using (var db = fixture.NewDbContext())
        {
            var row = await db.CsatSurveys.SingleAsync(s => s.Id == survey.Id, _cancellation);
            Assert.Equal((IngestChannels.Chat, detail.Department, detail.Priority), (row.Channel, row.Department, row.Priority));
        }

        await host.Dispatcher().DrainAsync(_cancellation);
        var sent = Assert.Single(fixture.Sandbox.Delivered, message => message.ReplyId == survey.ReplyId);
        Assert.Equal((ReplyKinds.Survey, handle), (sent.Kind, sent.Recipient));

        using var api = fixture.LoopbackClient();
        var answer = new OutboundEventRequest(OutboundEventTypes.SurveyAnswer, survey.ReplyId, null, null, null, 4, "  Quick and kind.  ");
        using var response = await fixture.Sandbox.ReportAsync(api, IngestChannels.Chat, answer, _cancellation);
        await response.ExpectAsync(HttpStatusCode.OK, _cancellation);
        Assert.True((await response.Content.ReadFromJsonAsync<OutboundEventResult>(_cancellation))!.Changed);
        using var again = await fixture.Sandbox.ReportAsync(api, IngestChannels.Chat, answer, _cancellation);
        Assert.False((await again.Content.ReadFromJsonAsync<OutboundEventResult>(_cancellation))!.Changed);

        var answered = Assert.Single((await fixture.ConversationAsync(conversationId, _cancellation)).Surveys!);
        Assert.Equal((4, "Quick and kind."), (answered.Score, answered.Comment));
        Assert.NotNull(answered.AnsweredAt);
        await using var check = fixture.NewDbContext();
        var events = await check.EventLog.Where(e => e.StreamId == ConversationStream.Of(conversationId) && e.Type == "CsatAnswered").ToListAsync(_cancellation);
        var recorded = System.Text.Json.JsonSerializer.Deserialize<CsatAnswered>(Assert.Single(events).Payload, EventTypes.SerializerOptions)!;
        Assert.Equal((survey.Id, 4), (recorded.SurveyId, recorded.Score));

        // The customer changes their mind: the later answer counts.
        using var changed = await fixture.Sandbox.ReportAsync(
            api, IngestChannels.Chat, answer with { Score = 5, Comment = null }, _cancellation);
        await changed.ExpectAsync(HttpStatusCode.OK, _cancellation);
        Assert.Equal(5, Assert.Single((await fixture.ConversationAsync(conversationId, _cancellation)).Surveys!).Score);
    }

    [Fact]
    public async Task A_conversation_nobody_replied_to_is_not_surveyed()
    {
        var (conversationId, _, _) = await fixture.OpenAsync(IngestChannels.X, _cancellation);

        await ResolveAsync(conversationId);

        var detail = await fixture.ConversationAsync(conversationId, _cancellation);
        Assert.Empty(detail.Surveys!);
        Assert.Empty(detail.Replies!);
    }

    [Fact]
    public async Task Resolving_again_within_the_quiet_days_sends_no_second_survey()
    {
        var (conversationId, _, _) = await fixture.OpenAsync(IngestChannels.X, _cancellation);
        await fixture.ReplyAsync(conversationId, "Done.", _cancellation);
        await ResolveAsync(conversationId);
        using (var client = fixture.CreateClient())
        {
            using var reopen = await client.PostAsJsonAsync($"api/conversations/{conversationId}/status", new ConversationStatusRequest(ConversationStatuses.Open), _cancellation);
            await reopen.ExpectAsync(HttpStatusCode.NoContent, _cancellation);
        }

        await ResolveAsync(conversationId);

        Assert.Single((await fixture.ConversationAsync(conversationId, _cancellation)).Surveys!);
    }

    [Fact]
    public async Task Only_a_survey_takes_an_answer()
    {
        var (conversationId, _, _) = await fixture.OpenAsync(IngestChannels.X, _cancellation);
        var replyId = await fixture.ReplyAsync(conversationId, "Not a question.", _cancellation);
        using var api = fixture.LoopbackClient();

        using var response = await fixture.Sandbox.ReportAsync(
            api, IngestChannels.X, new OutboundEventRequest(OutboundEventTypes.SurveyAnswer, replyId, null, null, null, 3, null), _cancellation);

        await response.ExpectAsync(HttpStatusCode.BadRequest, _cancellation);
        Assert.Contains("replyId", (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>(_cancellation))!.Errors.Keys);
    }

    private async Task ResolveAsync(Guid conversationId)
    {
        using var client = fixture.CreateClient();
        using var response = await client.PostAsJsonAsync(
            $"api/conversations/{conversationId}/status", new ConversationStatusRequest(ConversationStatuses.Resolved), _cancellation);
        await response.ExpectAsync(HttpStatusCode.NoContent, _cancellation);
    }
}
