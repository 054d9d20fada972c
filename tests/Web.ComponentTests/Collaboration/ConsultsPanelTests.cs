using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Web.Components.Collaboration;

namespace SocialEnterprise.Web.ComponentTests.Collaboration;

public sealed class ConsultsPanelTests : WorkspaceContext
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly Guid _conversation = Guid.NewGuid();

    private string Path => $"/api/conversations/{_conversation}/consults";

    public static ConsultView Consult(Guid conversation, string target, string state = ConsultStates.Open, string clock = ConsultClockStates.OnTrack) => new(
        Guid.NewGuid(), conversation, "support", target, Guid.NewGuid(), "Alex Agent", $"A question for {target}", "high", null, state, Start,
        Start.AddHours(4), clock, null, null, state == ConsultStates.Answered ? "Lena Legal" : null,
        state == ConsultStates.Answered ? "Yes, refund it." : null, state == ConsultStates.Answered ? Start.AddHours(1) : null, null, null, null,
        "Col Laborator");

    [Fact]
    public void Each_consult_shows_its_state_and_clock_and_only_the_target_departments_members_can_work_it()
    {
        SignInAs("legal");
        var toLegal = Consult(_conversation, "legal", clock: ConsultClockStates.AtRisk);
        var toEngineering = Consult(_conversation, "engineering");
        var answered = Consult(_conversation, "legal", ConsultStates.Answered, ConsultClockStates.Stopped);
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, new[] { toLegal, toEngineering, answered });

        var panel = Render<ConsultsPanel>(parameters => parameters.Add(p => p.ConversationId, _conversation));

        panel.WaitForAssertion(() => Assert.Equal(3, panel.FindAll("[data-testid=consult]").Count));
        var legal = panel.Find($"[data-consult-id='{toLegal.Id}']");
        Assert.Equal("at-risk", legal.GetAttribute("data-clock"));
        Assert.Contains("At risk · due", legal.QuerySelector("[data-testid=consult-clock]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(legal.QuerySelector("[data-testid=consult-accept]"));
        Assert.NotNull(legal.QuerySelector("[data-testid=consult-answer]"));
        Assert.Null(panel.Find($"[data-consult-id='{toEngineering.Id}']").QuerySelector("[data-testid=consult-answer]"));
        var done = panel.Find($"[data-consult-id='{answered.Id}']");
        Assert.Null(done.QuerySelector("[data-testid=consult-answer]"));
        Assert.Contains("Yes, refund it.", done.QuerySelector("[data-testid=consult-answer-text]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Answering_posts_the_answer_and_a_refusal_shows_under_the_field()
    {
        SignInAs("legal");
        var consult = Consult(_conversation, "legal");
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, new[] { consult });
        Api.Problem(HttpMethod.Post, $"/api/consults/{consult.Id}/answer", HttpStatusCode.BadRequest,
            errors: new() { ["answer"] = ["The answer, 1 to 4000 characters."] });
        var panel = Render<ConsultsPanel>(parameters => parameters.Add(p => p.ConversationId, _conversation));
        panel.WaitForAssertion(() => panel.Find("[data-testid=consult-answer]"));

        panel.Find("[data-testid=consult-answer]").Click();
        panel.WaitForAssertion(() => Assert.Contains("The answer, 1 to 4000 characters.", panel.Markup, StringComparison.Ordinal));

        Api.Answer(HttpMethod.Post, $"/api/consults/{consult.Id}/answer", _ =>
        {
            Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, new[] { consult with { State = ConsultStates.Answered, Clock = ConsultClockStates.Stopped, Answer = "Yes." } });
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = System.Net.Http.Json.JsonContent.Create(consult with { State = ConsultStates.Answered }) };
        });
        panel.Find("[data-testid=consult-reply]").Input("Yes.");
        panel.Find("[data-testid=consult-answer]").Click();

        panel.WaitForAssertion(() => Assert.Equal("answered", panel.Find("[data-testid=consult]").GetAttribute("data-state")));
        Assert.Equal("Yes.", Api.CallsTo(HttpMethod.Post, $"/api/consults/{consult.Id}/answer").Last().Json.GetProperty("answer").GetString());
    }

    [Fact]
    public void Asking_shows_who_could_answer_and_posts_the_question_to_the_chosen_department()
    {
        SignInAs("agent");
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, Array.Empty<ConsultView>());
        Api.Answer(HttpMethod.Get, $"/api/conversations/{_conversation}/experts", HttpStatusCode.OK,
            new[] { new ExpertSuggestion(Guid.NewGuid(), "Lena Legal", ["legal"], 10, ["answered 3 privacy consults"]) });
        Api.Answer(HttpMethod.Post, Path, _ =>
        {
            Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, new[] { Consult(_conversation, "legal") });
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = System.Net.Http.Json.JsonContent.Create(Consult(_conversation, "legal")) };
        });
        var panel = Render<ConsultsPanel>(parameters => parameters.Add(p => p.ConversationId, _conversation));
        panel.WaitForAssertion(() => panel.Find("[data-testid=no-consults]"));

        panel.Find("[data-testid=open-consult]").Click();
        panel.Find("[data-testid=consult-target][data-department=legal]").Click();
        panel.WaitForAssertion(() => Assert.Contains("Lena Legal — answered 3 privacy consults", panel.Find("[data-testid=expert]").TextContent, StringComparison.Ordinal));
        Assert.Equal("/api/conversations/" + _conversation + "/experts?department=legal", Api.Calls.Last(c => c.Path.EndsWith("/experts", StringComparison.Ordinal)).PathAndQuery);
        panel.Find("[data-testid=consult-question]").Input("May we refund without a receipt?");
        panel.Find("[data-testid=consult-submit]").Click();

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=consult]")));
        var posted = Assert.Single(Api.CallsTo(HttpMethod.Post, Path)).Json;
        Assert.Equal(("legal", "May we refund without a receipt?", "normal"),
            (posted.GetProperty("targetDepartment").GetString(), posted.GetProperty("question").GetString(), posted.GetProperty("priority").GetString()));
        Assert.Empty(panel.FindAll("[data-testid=consult-form]"));
    }

    [Fact]
    public void A_refused_question_shows_the_problem_by_the_field()
    {
        SignInAs("agent");
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, Array.Empty<ConsultView>());
        Api.Problem(HttpMethod.Post, Path, HttpStatusCode.BadRequest, errors: new()
        {
            ["question"] = ["The question, 1 to 2000 characters."],
            ["targetDepartment"] = ["One of: support, product."],
        });
        var panel = Render<ConsultsPanel>(parameters => parameters.Add(p => p.ConversationId, _conversation));
        panel.WaitForAssertion(() => panel.Find("[data-testid=open-consult]").Click());

        panel.Find("[data-testid=consult-submit]").Click();

        panel.WaitForAssertion(() => Assert.Contains("The question, 1 to 2000 characters.", panel.Markup, StringComparison.Ordinal));
        Assert.Contains("One of: support, product.", panel.Find("[data-testid=consult-target-error]").TextContent, StringComparison.Ordinal);
        Assert.Single(panel.FindAll("[data-testid=consult-form]"));
    }

    [Fact]
    public async Task A_consult_event_of_this_conversation_reloads_the_panel_and_other_events_do_not()
    {
        SignInAs("agent");
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, Array.Empty<ConsultView>());
        var panel = Render<ConsultsPanel>(parameters => parameters.Add(p => p.ConversationId, _conversation));
        panel.WaitForAssertion(() => panel.Find("[data-testid=no-consults]"));
        var loads = Api.CallsTo(HttpMethod.Get, Path).Count;

        var consult = Consult(_conversation, "legal");
        Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, new[] { consult });
        await panel.InvokeAsync(() => Live.PublishAsync(Envelope(new ConsultRequested(
            Guid.NewGuid(), Guid.NewGuid(), "support", "support", "legal", Guid.NewGuid(), "Alex Agent", "Other", "high", Start, Start), 10)));
        await panel.InvokeAsync(() => Live.PublishAsync(Envelope(new ConsultRequested(
            consult.Id, _conversation, "support", "support", "legal", Guid.NewGuid(), "Alex Agent", "Q", "high", Start, Start), 11)));

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=consult]")));
        Assert.Equal(loads + 1, Api.CallsTo(HttpMethod.Get, Path).Count);
    }
}
