using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.IntegrationTests.Listening;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;

namespace SocialEnterprise.Api.IntegrationTests.Collaboration;

/// <summary>Consults from one department to another: their states, who may work them, and what they show and record.</summary>
public sealed class ConsultTests(ListeningFixture fixture) : IClassFixture<ListeningFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_consult_goes_open_accepted_answered_with_the_answer_in_the_internal_thread_and_the_target_department_sees_the_conversation()
    {
        var conversation = await fixture.OpenAsync($"I was charged twice, refund please {Collaboration.NewWord()}", _cancellation);
        Assert.Equal("support", conversation.Department);
        var (agentId, agentToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        var (_, legalToken) = await fixture.DemoStaffAsync("legal", _cancellation);
        var (_, marketingToken) = await fixture.DemoStaffAsync("marketing", _cancellation);
        using var agent = fixture.CreateClient(agentToken);
        using var legal = fixture.CreateClient(legalToken);
        using var marketing = fixture.CreateClient(marketingToken);

        using (var before = await legal.GetAsync($"api/conversations/{conversation.Id}", _cancellation))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        using (var byInvisible = await legal.PostAsJsonAsync(
                   $"api/conversations/{conversation.Id}/consults", new ConsultRequest("support", "Why?", null, null), _cancellation))
        {
            Assert.Equal(HttpStatusCode.NotFound, byInvisible.StatusCode);
        }

        var consult = await agent.AskAsync(conversation.Id, "legal", "May we refund without a receipt?", _cancellation);
        Assert.Equal((ConsultStates.Open, "support", "legal", agentId, ConsultClockStates.OnTrack),
            (consult.State, consult.RequesterDepartment, consult.TargetDepartment, consult.RequestedById, consult.Clock));

        // Legal sees the conversation now, and the consult waiting on it; marketing sees neither.
        using (var after = await legal.GetAsync($"api/conversations/{conversation.Id}", _cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }

        Assert.Contains(await WaitingAsync(legal), c => c.Id == consult.Id && c.CustomerName == "Col Laborator");
        Assert.DoesNotContain(await WaitingAsync(agent), c => c.Id == consult.Id);
        Assert.DoesNotContain(await WaitingAsync(marketing), c => c.Id == consult.Id);
        using (var hidden = await marketing.GetAsync($"api/conversations/{conversation.Id}/consults", _cancellation))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        // Only the target department works it.
        using (var notTarget = await agent.PostAsync($"api/consults/{consult.Id}/accept", null, _cancellation))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notTarget.StatusCode);
        }

        using (var accepted = await legal.PostAsync($"api/consults/{consult.Id}/accept", null, _cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            var view = (await accepted.Content.ReadFromJsonAsync<ConsultView>(_cancellation))!;
            Assert.Equal((ConsultStates.Accepted, "Lena Legal"), (view.State, view.AcceptedByName));
        }

        await ExpectConflictAsync(legal.PostAsync($"api/consults/{consult.Id}/accept", null, _cancellation));
        using (var empty = await legal.PostAsJsonAsync($"api/consults/{consult.Id}/answer", new ConsultAnswerRequest("  "), _cancellation))
        {
            await ExpectFieldAsync(empty, "answer");
        }

        using (var answered = await legal.PostAsJsonAsync(
                   $"api/consults/{consult.Id}/answer", new ConsultAnswerRequest("Yes, up to 50 EUR without a receipt."), _cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        await ExpectConflictAsync(legal.PostAsJsonAsync($"api/consults/{consult.Id}/answer", new ConsultAnswerRequest("Again"), _cancellation));
        await ExpectConflictAsync(legal.PostAsJsonAsync($"api/consults/{consult.Id}/decline", new ConsultDeclineRequest("Too late"), _cancellation));

        var detail = await fixture.ConversationAsync(conversation.Id, _cancellation);
        var note = Assert.Single(detail.Notes!);
        Assert.Equal(("Yes, up to 50 EUR without a receipt.", "Lena Legal", "legal", (Guid?)consult.Id),
            (note.Text, note.AuthorName, note.AuthorDepartment, note.ConsultId));
        var listed = Assert.Single((await agent.GetFromJsonAsync<List<ConsultView>>($"api/conversations/{conversation.Id}/consults", _cancellation))!);
        Assert.Equal((ConsultStates.Answered, ConsultClockStates.Stopped, "Lena Legal"), (listed.State, listed.Clock, listed.AnsweredByName));
        Assert.DoesNotContain(await WaitingAsync(legal), c => c.Id == consult.Id);

        await using var db = fixture.NewDbContext();
        var stream = ConversationStream.Of(conversation.Id);
        Assert.Equal(
            ["ConsultRequested", "ConsultAccepted", "ConsultAnswered"],
            await db.EventLog.Where(e => e.StreamId == stream && e.Type.StartsWith("Consult")).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync(_cancellation));
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.ConsultRequested && a.Target == $"conversation/{conversation.Id}", _cancellation));
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.ConsultAnswered && a.Target == $"consult/{consult.Id}", _cancellation));
        Assert.Equal(3, await db.ConversationEngagements.CountAsync(e => e.ConversationId == conversation.Id && e.Kind == EngagementKinds.Consult, _cancellation));
        Assert.Contains(
            (await agent.NotificationsAsync(_cancellation)).Items,
            n => n.Kind == NotificationKinds.ConsultAnswered && n.Link == $"/conversations/{conversation.Id}" && n.Text.Contains("Lena Legal"));
        Assert.Contains(
            (await legal.NotificationsAsync(_cancellation)).Items,
            n => n.Kind == NotificationKinds.ConsultRequested && n.Link == $"/conversations/{conversation.Id}");
    }

    [Fact]
    public async Task A_consult_can_be_declined_with_a_reason_and_is_then_closed_to_every_other_step()
    {
        var conversation = await fixture.OpenAsync($"I was charged twice, refund please {Collaboration.NewWord()}", _cancellation);
        var (_, agentToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        var (_, engineerToken) = await fixture.DemoStaffAsync("engineering", _cancellation);
        using var agent = fixture.CreateClient(agentToken);
        using var engineer = fixture.CreateClient(engineerToken);
        var consult = await agent.AskAsync(conversation.Id, "engineering", "Was there a billing bug yesterday?", _cancellation);

        using (var noReason = await engineer.PostAsJsonAsync($"api/consults/{consult.Id}/decline", new ConsultDeclineRequest(null), _cancellation))
        {
            await ExpectFieldAsync(noReason, "reason");
        }

        using (var declined = await engineer.PostAsJsonAsync($"api/consults/{consult.Id}/decline", new ConsultDeclineRequest("Ask billing ops"), _cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
            var view = (await declined.Content.ReadFromJsonAsync<ConsultView>(_cancellation))!;
            Assert.Equal((ConsultStates.Declined, "Ask billing ops", "Elias Engineer"), (view.State, view.DeclineReason, view.DeclinedByName));
        }

        await ExpectConflictAsync(engineer.PostAsync($"api/consults/{consult.Id}/accept", null, _cancellation));
        await ExpectConflictAsync(engineer.PostAsJsonAsync($"api/consults/{consult.Id}/answer", new ConsultAnswerRequest("Now yes"), _cancellation));
        await ExpectConflictAsync(engineer.PostAsJsonAsync($"api/consults/{consult.Id}/decline", new ConsultDeclineRequest("Twice"), _cancellation));
        using (var missing = await engineer.PostAsync($"api/consults/{Guid.NewGuid()}/accept", null, _cancellation))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        Assert.Empty((await fixture.ConversationAsync(conversation.Id, _cancellation)).Notes!);
        await using var db = fixture.NewDbContext();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.ConsultDeclined && a.Target == $"consult/{consult.Id}", _cancellation));
        var declinedEvents = await db.EventLog.CountAsync(e => e.StreamId == ConversationStream.Of(conversation.Id) && e.Type == "ConsultDeclined", _cancellation);
        Assert.Equal(1, declinedEvents);
    }

    [Fact]
    public async Task Asking_is_refused_with_problems_naming_the_fields()
    {
        var conversation = await fixture.OpenAsync($"I was charged twice, refund please {Collaboration.NewWord()}", _cancellation);
        var (_, agentToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        using var agent = fixture.CreateClient(agentToken);

        using var nothing = await agent.PostAsJsonAsync($"api/conversations/{conversation.Id}/consults", new ConsultRequest(null, " ", null, "whenever"), _cancellation);
        var errors = await ExpectFieldAsync(nothing, "targetDepartment");
        Assert.Contains("question", errors.Keys);
        Assert.Contains("priority", errors.Keys);
        using var past = await agent.PostAsJsonAsync(
            $"api/conversations/{conversation.Id}/consults", new ConsultRequest("legal", "Why?", DateTimeOffset.UtcNow.AddMinutes(-1), null), _cancellation);
        await ExpectFieldAsync(past, "neededBy");
        using var waitingQuery = await agent.GetAsync("api/consults?department=legal&state=done", _cancellation);
        var queryErrors = await ExpectFieldAsync(waitingQuery, "department");
        Assert.Contains("state", queryErrors.Keys);
        using var byKey = await fixture.CreateClient().PostAsJsonAsync(
            $"api/conversations/{conversation.Id}/consults", new ConsultRequest("legal", "Why?", null, null), _cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, byKey.StatusCode);
    }

    private async Task<List<ConsultView>> WaitingAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<ConsultView>>("api/consults", _cancellation))!;

    private async Task ExpectConflictAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(_cancellation);
        Assert.Contains("detail", problem!.Keys);
    }

    private async Task<Dictionary<string, string[]>> ExpectFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>(_cancellation);
        Assert.Contains(field, problem!.Errors.Keys);
        return problem.Errors;
    }

    private sealed record ValidationProblem(Dictionary<string, string[]> Errors);
}
