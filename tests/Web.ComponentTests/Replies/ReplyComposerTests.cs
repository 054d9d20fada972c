using System.Net;
using System.Text;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Web.Components.Conversations;

namespace SocialEnterprise.Web.ComponentTests.Replies;

public sealed class ReplyComposerTests : WorkspaceContext
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly Guid _conversation = Guid.NewGuid();
    private readonly FakeTimeProvider _time = new(Start);

    public ReplyComposerTests()
    {
        Services.AddSingleton<TimeProvider>(_time);
        SignInAs("agent");
        AnswerPolicy(null);
        AnswerDraft(new DraftView(_conversation, "", ReplyVisibilities.Public, null, null, null, 0, null));
    }

    private string Base => $"/api/conversations/{_conversation}";

    [Fact]
    public void A_send_refused_by_the_guard_offers_to_review_the_new_messages_and_then_to_send_anyway_on_the_new_version()
    {
        var newMessage = Guid.NewGuid();
        var composer = Render<ReplyComposer>(p => p.Add(c => c.ConversationId, _conversation).Add(c => c.Version, 3));
        composer.WaitForAssertion(() => composer.Find("textarea[data-testid=reply-input]"));
        composer.Find("textarea[data-testid=reply-input]").Input("It leaves our warehouse today.");
        // The customer writes while the author types: the page reloads with a newer version, the author's stays.
        composer.Render(p => p.Add(c => c.Version, 5));
        Api.Answer(HttpMethod.Post, $"{Base}/replies", _ => Refusal(newMessage, currentVersion: 5));

        composer.Find("[data-testid=send-reply]").Click();

        composer.WaitForAssertion(() => composer.Find("[data-testid=reply-guard]"));
        Assert.Equal(3, Api.CallsTo(HttpMethod.Post, $"{Base}/replies").Single().Json.GetProperty("version").GetInt32());
        Assert.Contains("The customer wrote again at", composer.Find("[data-testid=reply-guard-change]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Hello?? Anyone?", composer.Find("[data-testid=reply-guard-change]").TextContent, StringComparison.Ordinal);
        Assert.Empty(composer.FindAll("[data-testid=reply-guard-send-anyway]"));
        Assert.True(composer.Find("[data-testid=send-reply]").HasAttribute("disabled"));

        var highlight = JSInterop.Setup<int>("socialEnterprise.highlightThreadItems", _ => true).SetResult(1);
        composer.Find("[data-testid=reply-guard-review]").Click();
        Assert.Equal([newMessage], Assert.IsType<Guid[]>(Assert.Single(Assert.Single(highlight.Invocations).Arguments)));

        Api.Answer(HttpMethod.Post, $"{Base}/replies", HttpStatusCode.Created, Sent("It leaves our warehouse today.", ReplyStates.Queued, 6));
        composer.Find("[data-testid=reply-guard-send-anyway]").Click();

        composer.WaitForAssertion(() => Assert.Contains("Sent", composer.Find("[data-testid=reply-result]").TextContent, StringComparison.Ordinal));
        Assert.Equal(5, Api.CallsTo(HttpMethod.Post, $"{Base}/replies").Last().Json.GetProperty("version").GetInt32());
        Assert.Empty(composer.FindAll("[data-testid=reply-guard]"));
        Assert.Equal("", composer.Find("textarea[data-testid=reply-input]").GetAttribute("value") ?? "");
    }

    [Fact]
    public void Words_typed_before_the_shared_draft_arrives_stay_and_a_colleagues_draft_is_offered_beside_them()
    {
        AnswerDraft(new DraftView(_conversation, "Hi from Jordan", "public", Guid.NewGuid(), "Jordan Agent", Start, 1, null));
        var gate = Api.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var composer = Render<ReplyComposer>(p => p.Add(c => c.ConversationId, _conversation).Add(c => c.Version, 3));
        composer.WaitForAssertion(() => composer.Find("textarea[data-testid=reply-input]"));
        composer.Find("textarea[data-testid=reply-input]").Input("Sorry about the wait");

        Api.Gate = null;
        gate.SetResult();

        composer.WaitForAssertion(() => Assert.Equal("Hi from Jordan", composer.Find("[data-testid=draft-theirs]").TextContent));
        Assert.Equal("Sorry about the wait", composer.Find("textarea[data-testid=reply-input]").GetAttribute("value"));
        Assert.Equal("3", composer.Find("[data-testid=reply-composer]").GetAttribute("data-seen-version"));
    }

    [Fact]
    public void Keep_editing_dismisses_the_refusal_and_the_next_send_answers_the_thread_as_it_is_now()
    {
        var composer = Render<ReplyComposer>(p => p.Add(c => c.ConversationId, _conversation).Add(c => c.Version, 3));
        composer.WaitForAssertion(() => composer.Find("textarea[data-testid=reply-input]"));
        composer.Find("textarea[data-testid=reply-input]").Input("On its way.");
        Api.Answer(HttpMethod.Post, $"{Base}/replies", _ => Refusal(Guid.NewGuid(), currentVersion: 4));
        composer.Find("[data-testid=send-reply]").Click();
        composer.WaitForAssertion(() => composer.Find("[data-testid=reply-guard-keep-editing]"));
        composer.Find("[data-testid=reply-guard-keep-editing]").Click();

        Assert.Empty(composer.FindAll("[data-testid=reply-guard]"));
        Api.Answer(HttpMethod.Post, $"{Base}/replies", HttpStatusCode.Created, Sent("On its way.", ReplyStates.Queued, 5));
        composer.Find("textarea[data-testid=reply-input]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", CtrlKey = true });

        composer.WaitForAssertion(() => Assert.Equal(2, Api.CallsTo(HttpMethod.Post, $"{Base}/replies").Count));
        Assert.Equal(4, Api.CallsTo(HttpMethod.Post, $"{Base}/replies").Last().Json.GetProperty("version").GetInt32());
    }

    [Fact]
    public void Send_and_next_moves_on_only_once_the_reply_is_taken_and_plain_send_stays()
    {
        var movedOn = 0;
        var composer = Render<ReplyComposer>(p => p.Add(c => c.ConversationId, _conversation).Add(c => c.Version, 3)
            .Add(c => c.HasNext, true).Add(c => c.SentAndNext, () => movedOn++));
        composer.WaitForAssertion(() => composer.Find("textarea[data-testid=reply-input]"));

        // Refused (the customer wrote again): nothing moves on.
        composer.Find("textarea[data-testid=reply-input]").Input("On its way.");
        Api.Answer(HttpMethod.Post, $"{Base}/replies", _ => Refusal(Guid.NewGuid(), currentVersion: 4));
        composer.Find("[data-testid=send-reply-next]").Click();
        composer.WaitForAssertion(() => composer.Find("[data-testid=reply-guard-keep-editing]"));
        Assert.Equal(0, movedOn);
        composer.Find("[data-testid=reply-guard-keep-editing]").Click();

        // Ctrl+Shift+Enter sends and moves on once taken.
        Api.Answer(HttpMethod.Post, $"{Base}/replies", HttpStatusCode.Created, Sent("On its way.", ReplyStates.Queued, 5));
        composer.Find("textarea[data-testid=reply-input]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", CtrlKey = true, ShiftKey = true });
        composer.WaitForAssertion(() => Assert.Equal(1, movedOn));

        // A plain Send stays on the conversation.
        composer.Find("textarea[data-testid=reply-input]").Input("And a follow-up.");
        Api.Answer(HttpMethod.Post, $"{Base}/replies", HttpStatusCode.Created, Sent("And a follow-up.", ReplyStates.Queued, 6));
        composer.Find("[data-testid=send-reply]").Click();
        composer.WaitForAssertion(() => Assert.Equal(3, Api.CallsTo(HttpMethod.Post, $"{Base}/replies").Count));
        Assert.Equal(1, movedOn);
    }

    [Fact]
    public void Without_a_next_conversation_there_is_no_send_and_next()
    {
        var composer = Render<ReplyComposer>(p => p.Add(c => c.ConversationId, _conversation).Add(c => c.Version, 3));

        composer.WaitForAssertion(() => composer.Find("[data-testid=send-reply]"));
        Assert.Empty(composer.FindAll("[data-testid=send-reply-next]"));
    }

    [Fact]
    public void The_draft_is_saved_a_second_after_typing_and_says_when_and_by_whom_and_a_colleagues_draft_shows_live()
    {
        var composer = Render<ReplyComposer>(p => p.Add(c => c.ConversationId, _conversation).Add(c => c.Version, 3));
        composer.WaitForAssertion(() => Assert.Equal("No draft", composer.Find("[data-testid=draft-state]").TextContent));
        Api.Answer(HttpMethod.Put, $"{Base}/draft", call => Json(HttpStatusCode.OK,
            new DraftView(_conversation, call.Json.GetProperty("text").GetString()!, "public", Me(composer), "Alex Agent", _time.GetUtcNow(), 1, null)));

        composer.Find("textarea[data-testid=reply-input]").Input("Hi Robin");
        Assert.Empty(Api.CallsTo(HttpMethod.Put, $"{Base}/draft"));
        _time.Advance(TimeSpan.FromSeconds(1));

        composer.WaitForAssertion(() => Assert.Single(Api.CallsTo(HttpMethod.Put, $"{Base}/draft")));
        var saved = Api.CallsTo(HttpMethod.Put, $"{Base}/draft").Single().Json;
        Assert.Equal(("Hi Robin", 0), (saved.GetProperty("text").GetString(), saved.GetProperty("version").GetInt32()));
        composer.WaitForAssertion(() => Assert.StartsWith("Draft saved", composer.Find("[data-testid=draft-state]").TextContent, StringComparison.Ordinal));
        Assert.EndsWith("by you", composer.Find("[data-testid=draft-state]").TextContent, StringComparison.Ordinal);

        // Jordan goes on writing it: the composer shows their words and their name.
        var at = Start.AddMinutes(3);
        AnswerDraft(new DraftView(_conversation, "Hi Robin, it ships today.", "public", Guid.NewGuid(), "Jordan Agent", at, 2, null));
        composer.InvokeAsync(() => Live.PublishAsync(Envelope(
            new ReplyDraftSaved(_conversation, "support", 2, Guid.NewGuid(), "Jordan Agent", false, at), 10)));

        composer.WaitForAssertion(() => Assert.Equal(
            "Hi Robin, it ships today.", composer.Find("textarea[data-testid=reply-input]").GetAttribute("value")));
        Assert.Equal($"Draft saved {at.ToLocalTime():HH:mm} by Jordan", composer.Find("[data-testid=draft-state]").TextContent);
    }

    [Fact]
    public void A_save_a_colleague_overtook_keeps_the_authors_words_and_offers_theirs()
    {
        AnswerDraft(new DraftView(_conversation, "Hi", "public", Guid.NewGuid(), "Jordan Agent", Start, 1, null));
        var composer = Render<ReplyComposer>(p => p.Add(c => c.ConversationId, _conversation).Add(c => c.Version, 3));
        composer.WaitForAssertion(() => Assert.Equal("Hi", composer.Find("textarea[data-testid=reply-input]").GetAttribute("value")));
        Api.Answer(HttpMethod.Put, $"{Base}/draft", _ => Json(HttpStatusCode.Conflict, new
        {
            title = "The draft changed",
            status = 409,
            detail = "Jordan Agent saved the draft after the version you edited.",
            current = new DraftView(_conversation, "Hi Robin, from Jordan", "public", Guid.NewGuid(), "Jordan Agent", Start.AddMinutes(1), 2, null),
        }));

        composer.Find("textarea[data-testid=reply-input]").Input("Hi Robin, from Alex");
        composer.Find("textarea[data-testid=reply-input]").Blur();

        composer.WaitForAssertion(() => composer.Find("[data-testid=draft-conflict]"));
        Assert.Equal("Hi Robin, from Alex", composer.Find("textarea[data-testid=reply-input]").GetAttribute("value"));
        Assert.Equal("Hi Robin, from Jordan", composer.Find("[data-testid=draft-theirs]").TextContent);
        composer.Find("[data-testid=draft-take-theirs]").Click();
        Assert.Equal("Hi Robin, from Jordan", composer.Find("textarea[data-testid=reply-input]").GetAttribute("value"));
    }

    [Fact]
    public void A_canned_response_is_found_and_inserted_filled_in()
    {
        var canned = new CannedResponseView(Guid.NewGuid(), "Thank you", "Thanks, {{customer.firstName}}!", null, "thanks", "seed", Start);
        Api.Answer(HttpMethod.Get, "/api/canned-responses?q=than", HttpStatusCode.OK, new[] { canned });
        Api.Answer(HttpMethod.Post, $"{Base}/canned-responses/{canned.Id}/render", HttpStatusCode.OK,
            new RenderedCannedResponse(canned.Id, canned.Name, "Thanks, Robin!"));
        Api.Answer(HttpMethod.Put, $"{Base}/draft", HttpStatusCode.OK,
            new DraftView(_conversation, "Thanks, Robin!", "public", Guid.NewGuid(), "Alex Agent", Start, 1, null));
        var composer = Render<ReplyComposer>(p => p.Add(c => c.ConversationId, _conversation).Add(c => c.Version, 3));

        composer.WaitForAssertion(() => composer.Find("[data-testid=canned-toggle]"));
        composer.Find("[data-testid=canned-toggle]").Click();
        composer.Find("input[data-testid=canned-search]").Input("than");
        composer.WaitForAssertion(() => composer.Find("[data-testid=canned-item]"));
        composer.Find("[data-testid=canned-item]").Click();

        composer.WaitForAssertion(() => Assert.Equal("Thanks, Robin!", composer.Find("textarea[data-testid=reply-input]").GetAttribute("value")));
        Assert.Empty(composer.FindAll("[data-testid=canned-picker]"));
    }

    [Fact]
    public void A_policy_that_holds_public_replies_shows_the_hint_until_the_reply_goes_private()
    {
        AnswerPolicy("Public replies on linkedin need approval.");
        var composer = Render<ReplyComposer>(p => p.Add(c => c.ConversationId, _conversation).Add(c => c.Version, 3));

        composer.WaitForAssertion(() => Assert.Contains(
            "Public replies on linkedin need approval.", composer.Find("[data-testid=approval-hint]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Send for approval", composer.Find("[data-testid=send-reply]").TextContent.Trim());

        composer.Find("[data-testid=visibility-private]").Click();

        Assert.Empty(composer.FindAll("[data-testid=approval-hint]"));
        Assert.Equal("Send", composer.Find("[data-testid=send-reply]").TextContent.Trim());
    }

    [Fact]
    public void A_direct_message_is_answered_privately_and_going_public_is_warned_about_and_confirmed_even_with_ctrl_enter()
    {
        AnswerDirectMessagePolicy();
        var composer = Render<ReplyComposer>(p => p.Add(c => c.ConversationId, _conversation).Add(c => c.Version, 3));

        composer.WaitForAssertion(() => Assert.Equal("true", composer.Find("[data-testid=visibility-private]").GetAttribute("aria-pressed")));
        Assert.Empty(composer.FindAll("[data-testid=public-warning]"));

        composer.Find("[data-testid=visibility-public]").Click();
        Assert.Contains("wrote to you privately", composer.Find("[data-testid=public-warning]").TextContent, StringComparison.Ordinal);
        Assert.Contains("anyone on X", composer.Find("[data-testid=public-warning]").TextContent, StringComparison.Ordinal);

        composer.Find("textarea[data-testid=reply-input]").Input("Your refund of $120 is on card ending 4242.");
        composer.Find("textarea[data-testid=reply-input]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", CtrlKey = true });

        composer.WaitForAssertion(() => composer.Find("[data-testid=public-confirm]"));
        Assert.Empty(Api.CallsTo(HttpMethod.Post, $"{Base}/replies"));

        Api.Answer(HttpMethod.Post, $"{Base}/replies", HttpStatusCode.Created, Sent("Your refund of $120 is on card ending 4242.", ReplyStates.Queued, 4));
        composer.Find("[data-testid=public-confirm-public]").Click();

        composer.WaitForAssertion(() => Assert.Single(Api.CallsTo(HttpMethod.Post, $"{Base}/replies")));
        Assert.Equal("public", Api.CallsTo(HttpMethod.Post, $"{Base}/replies").Single().Json.GetProperty("visibility").GetString());
        Assert.Empty(composer.FindAll("[data-testid=public-confirm]"));
    }

    [Fact]
    public void Asked_to_confirm_a_public_reply_the_author_can_send_it_as_a_direct_message_instead()
    {
        AnswerDirectMessagePolicy();
        var composer = Render<ReplyComposer>(p => p.Add(c => c.ConversationId, _conversation).Add(c => c.Version, 3));
        composer.WaitForAssertion(() => composer.Find("[data-testid=visibility-public]"));
        composer.Find("[data-testid=visibility-public]").Click();
        composer.Find("textarea[data-testid=reply-input]").Input("We have sent the details.");
        composer.Find("[data-testid=send-reply]").Click();
        composer.WaitForAssertion(() => composer.Find("[data-testid=public-confirm]"));

        Api.Answer(HttpMethod.Post, $"{Base}/replies", HttpStatusCode.Created, Sent("We have sent the details.", ReplyStates.Queued, 4));
        composer.Find("[data-testid=public-confirm-private]").Click();

        composer.WaitForAssertion(() => Assert.Single(Api.CallsTo(HttpMethod.Post, $"{Base}/replies")));
        Assert.Equal("private", Api.CallsTo(HttpMethod.Post, $"{Base}/replies").Single().Json.GetProperty("visibility").GetString());
        Assert.Equal("true", composer.Find("[data-testid=visibility-private]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void A_public_post_is_answered_in_public_without_a_confirmation()
    {
        var composer = Render<ReplyComposer>(p => p.Add(c => c.ConversationId, _conversation).Add(c => c.Version, 3));
        composer.WaitForAssertion(() => Assert.Equal("true", composer.Find("[data-testid=visibility-public]").GetAttribute("aria-pressed")));
        composer.Find("textarea[data-testid=reply-input]").Input("Thanks for the kind words!");
        Api.Answer(HttpMethod.Post, $"{Base}/replies", HttpStatusCode.Created, Sent("Thanks for the kind words!", ReplyStates.Queued, 4));

        composer.Find("[data-testid=send-reply]").Click();

        composer.WaitForAssertion(() => Assert.Single(Api.CallsTo(HttpMethod.Post, $"{Base}/replies")));
        Assert.Empty(composer.FindAll("[data-testid=public-warning]"));
        Assert.Empty(composer.FindAll("[data-testid=public-confirm]"));
    }

    [Fact]
    public void A_review_site_only_offers_public_replies()
    {
        Api.Answer(HttpMethod.Get, $"{Base}/replies/policy", HttpStatusCode.OK,
            new ReplyPolicyView("reviews", ["public"], "public", "Public replies on reviews need approval.", null, ["manager", "admin"]));
        var composer = Render<ReplyComposer>(p => p.Add(c => c.ConversationId, _conversation).Add(c => c.Version, 3));

        composer.WaitForAssertion(() => Assert.Contains("reviews has no direct messages", composer.Find("[data-testid=visibility-only]").TextContent, StringComparison.Ordinal));
        Assert.Empty(composer.FindAll("[data-testid=visibility-private]"));
    }

    private Guid Me(IRenderedComponent<ReplyComposer> composer) =>
        Guid.Parse(composer.Services.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>()
            .GetAuthenticationStateAsync().Result.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value);

    private void AnswerPolicy(string? publicReason) =>
        Api.Answer(HttpMethod.Get, $"{Base}/replies/policy", HttpStatusCode.OK,
            new ReplyPolicyView("x", ["public", "private"], "public", publicReason, null, ["manager", "admin"]));

    private void AnswerDirectMessagePolicy() =>
        Api.Answer(HttpMethod.Get, $"{Base}/replies/policy", HttpStatusCode.OK,
            new ReplyPolicyView("x", ["public", "private"], "private", null, null, ["manager", "admin"], CustomerWrotePrivately: true));

    private void AnswerDraft(DraftView draft) => Api.Answer(HttpMethod.Get, $"{Base}/draft", HttpStatusCode.OK, draft);

    private ReplyView Sent(string text, string state, int version) => new(
        Guid.NewGuid(), _conversation, "x", "support", "reply", "public", text, state, Guid.NewGuid(), "Alex Agent", Start, null, null, null, null, null, version);

    private static HttpResponseMessage Refusal(Guid newMessage, int currentVersion) => Json(HttpStatusCode.Conflict, new
    {
        type = "https://social-enterprise.example/problems/reply-guard",
        title = "The thread changed while you were writing",
        status = 409,
        detail = "The customer wrote again at 09:05 UTC. Review the new messages, then send anyway or keep editing.",
        currentVersion,
        seenVersion = 3,
        newMessageIds = new[] { newMessage },
        newReplyIds = Array.Empty<Guid>(),
        changes = new[] { new ThreadChange(ThreadChange.CustomerMessage, newMessage, "Robin Customer", Start.AddMinutes(5), "Hello?? Anyone?") },
    });

    private static HttpResponseMessage Json(HttpStatusCode status, object body) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, status == HttpStatusCode.OK ? "application/json" : "application/problem+json"),
    };
}
