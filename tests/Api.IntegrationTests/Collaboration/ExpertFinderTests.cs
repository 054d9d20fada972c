using System.Net;
using System.Net.Http.Json;
using SocialEnterprise.Api.IntegrationTests.Listening;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Infrastructure.Collaboration;

namespace SocialEnterprise.Api.IntegrationTests.Collaboration;

/// <summary>Who to consult, from the topic's department and who answered and wrote on the topic; and the department's activity stream.</summary>
public sealed class ExpertFinderTests(ListeningFixture fixture) : IClassFixture<ListeningFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Whoever_answered_consults_on_the_topic_comes_first_then_the_topics_department()
    {
        var earlier = await fixture.OpenAsync($"Under GDPR I request that you delete my personal data {Collaboration.NewWord()}", _cancellation);
        Assert.Equal(("privacy", "legal"), (earlier.Topic, earlier.Department));
        var (_, adminToken) = await fixture.DemoStaffAsync("admin", _cancellation);
        var (lenaId, lenaToken) = await fixture.DemoStaffAsync("legal", _cancellation);
        var (_, agentToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        using var admin = fixture.CreateClient(adminToken);
        using var lena = fixture.CreateClient(lenaToken);
        using var agent = fixture.CreateClient(agentToken);
        var consult = await admin.AskAsync(earlier.Id, "legal", "Must we delete invoices too?", _cancellation);
        using (var answered = await lena.PostAsJsonAsync($"api/consults/{consult.Id}/answer", new ConsultAnswerRequest("No: invoices are kept 10 years."), _cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        var later = await fixture.OpenAsync($"Please delete my personal data under GDPR {Collaboration.NewWord()}", _cancellation);
        Assert.Equal("privacy", later.Topic);
        var experts = (await admin.GetFromJsonAsync<List<ExpertSuggestion>>($"api/conversations/{later.Id}/experts", _cancellation))!;

        var first = experts[0];
        Assert.Equal((lenaId, "Lena Legal"), (first.StaffId, first.DisplayName));
        Assert.Contains("answered 1 privacy consult", first.Reasons);
        Assert.Contains("wrote 1 note on privacy conversations", first.Reasons);
        Assert.Contains("in legal, the privacy department", first.Reasons);
        Assert.Contains("skilled in privacy", first.Reasons);
        Assert.True(experts.Skip(1).All(expert => expert.Score < first.Score));
        // A colleague skilled in the topic who has not answered yet is suggested for that skill.
        var leo = Assert.Single(experts, expert => expert.DisplayName == "Leo Lindqvist");
        Assert.Equal(["skilled in privacy", "in legal, the privacy department"], leo.Reasons);
        Assert.DoesNotContain(experts, expert => expert.DisplayName == "Ada Admin");

        var ofSales = (await admin.GetFromJsonAsync<List<ExpertSuggestion>>($"api/conversations/{later.Id}/experts?department=sales", _cancellation))!;
        Assert.DoesNotContain(ofSales, expert => expert.StaffId == lenaId);
        using var unknown = await admin.GetAsync($"api/conversations/{later.Id}/experts?department=nowhere", _cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var invisible = await agent.GetAsync($"api/conversations/{later.Id}/experts", _cancellation);
        Assert.Equal(HttpStatusCode.NotFound, invisible.StatusCode);
    }

    [Fact]
    public async Task A_departments_activity_shows_consults_asked_of_it_and_their_answers_to_its_members_only()
    {
        var conversation = await fixture.OpenAsync($"I was charged twice, refund please {Collaboration.NewWord()}", _cancellation);
        var (_, agentToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        var (_, engineerToken) = await fixture.DemoStaffAsync("engineering", _cancellation);
        var (_, miaToken) = await fixture.DemoStaffAsync("marketing", _cancellation);
        using var agent = fixture.CreateClient(agentToken);
        using var engineer = fixture.CreateClient(engineerToken);
        using var mia = fixture.CreateClient(miaToken);
        var question = $"Did the charge run twice {Collaboration.NewWord()}?";
        var consult = await agent.AskAsync(conversation.Id, "engineering", question, _cancellation);
        using (var answered = await engineer.PostAsJsonAsync($"api/consults/{consult.Id}/answer", new ConsultAnswerRequest("Yes, a retry bug."), _cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }

        var activity = (await engineer.GetFromJsonAsync<List<DepartmentActivityEntry>>("api/departments/engineering/activity", _cancellation))!;
        var mine = activity.Where(entry => entry.ConversationId == conversation.Id).ToList();
        Assert.Equal(["consult-answered", "consult-requested"], mine.Select(entry => entry.Kind));
        Assert.Contains(question, mine[1].Text);
        Assert.True(activity.Zip(activity.Skip(1)).All(pair => pair.First.Sequence > pair.Second.Sequence), "newest first");

        // Support asked, so support's stream has it too; marketing neither sees engineering's nor has the consult in its own.
        var support = (await agent.GetFromJsonAsync<List<DepartmentActivityEntry>>("api/departments/support/activity", _cancellation))!;
        Assert.Contains(support, entry => entry.ConversationId == conversation.Id && entry.Kind == "consult-answered");
        using var forbidden = await mia.GetAsync("api/departments/engineering/activity", _cancellation);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var marketing = (await mia.GetFromJsonAsync<List<DepartmentActivityEntry>>("api/departments/marketing/activity", _cancellation))!;
        Assert.DoesNotContain(marketing, entry => entry.ConversationId == conversation.Id);
        using var unknown = await mia.GetAsync("api/departments/nowhere/activity", _cancellation);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
