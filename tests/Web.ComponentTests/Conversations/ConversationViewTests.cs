using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Staff;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Web.Components.Conversations;
using SocialEnterprise.Web.Components.Inbox;
using SocialEnterprise.Web.ComponentTests.Customers;
using SocialEnterprise.Web.Live;
using SocialEnterprise.Web.Presence;

namespace SocialEnterprise.Web.ComponentTests.Conversations;

public sealed class ConversationViewTests : PresenceWorkspaceContext
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid CustomerId = Guid.NewGuid();
    private static readonly StaffMemberView Jordan = new(Guid.NewGuid(), "Jordan Agent", ["support", "sales"]);

    private readonly Guid _id = Guid.NewGuid();

    public ConversationViewTests()
    {
        SignInAs("agent");
        Api.Answer(HttpMethod.Get, "/api/staff", HttpStatusCode.OK, new[] { Jordan });
        Api.Answer(HttpMethod.Get, $"/api/customers/{CustomerId}", HttpStatusCode.OK, Customer360Tests.Profile(CustomerId, []));
        Api.Answer(HttpMethod.Get, $"/api/customers/{CustomerId}/timeline", HttpStatusCode.OK, new TimelinePage([], null));
        Api.Answer(HttpMethod.Get, $"/api/customers/{CustomerId}/sentiment", HttpStatusCode.OK, Array.Empty<SentimentPoint>());
        Api.Answer(HttpMethod.Get, $"/api/customers/{CustomerId}/unified-front", HttpStatusCode.OK, new UnifiedFront(14, [], []));
    }

    private string Path => $"/api/conversations/{_id}";

    [Fact]
    public void The_thread_shows_messages_notes_and_history_in_the_order_they_happened()
    {
        var first = Message("My order arrived broken and I want a refund", Start, Classified("complaint", -0.7, "negative", "refund"));
        var second = Message("Hello? Anyone?", Start.AddMinutes(30), null);
        AnswerDetail(Detail() with
        {
            Messages = [second, first],
            Notes = [new NoteView(Guid.NewGuid(), "Checked the courier: parcel was dropped", Guid.NewGuid(), "Lena Legal", "legal", Start.AddMinutes(20))],
            History = [new HistoryEntry(7, Start.AddMinutes(10), "assignment", "Assigned to Alex Agent", "Sam Support-Manager")],
        });

        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=message]").Count));
        var order = page.FindAll("[data-testid=message], [data-testid=note], [data-testid=history]")
            .Select(element => element.GetAttribute("data-testid")).ToList();
        Assert.Equal(["message", "history", "note", "message"], order);
        Assert.Equal(first.Id.ToString(), page.FindAll("[data-testid=message]")[0].GetAttribute("data-message-id"));

        var note = page.Find("[data-testid=note]");
        Assert.Contains("Internal note", note.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lena Legal (Legal)", note.TextContent, StringComparison.Ordinal);
        Assert.Contains("Assigned to Alex Agent", page.Find("[data-testid=history]").TextContent, StringComparison.Ordinal);

        var message = page.FindAll("[data-testid=message]")[0];
        Assert.Contains("Ann Lee", message.TextContent, StringComparison.Ordinal);
        Assert.Contains("X · mention", message.TextContent, StringComparison.Ordinal);
        var facets = message.QuerySelectorAll("[data-testid=facet]").ToDictionary(chip => chip.GetAttribute("data-facet")!);
        // Words, not internals: the score and the deciding words are in the tooltip.
        Assert.Equal("Complaint", facets["type"].TextContent.Trim());
        Assert.Equal("Negative", facets["sentiment"].TextContent.Trim());
        Assert.Equal("Orders", facets["topic"].TextContent.Trim());
        Assert.Equal("English", facets["language"].TextContent.Trim());
        Assert.Equal("High urgency", facets["urgency"].TextContent.Trim());
        Assert.StartsWith("Score −0.70 (−1 to +1): ", facets["sentiment"].GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains("'broken', 'refund'", facets["sentiment"].GetAttribute("title"), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=message]")[1].QuerySelectorAll("[data-testid=classification]"));
    }

    [Fact]
    public void Why_lists_the_words_that_decided_each_facet()
    {
        AnswerDetail(Detail() with { Messages = [Message("broken, refund now", Start, Classified("complaint", -0.7, "negative", "refund"))] });
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => page.Find("[data-testid=why]").Click());

        var signals = page.FindAll("[data-testid=signal]").ToDictionary(line => line.GetAttribute("data-facet")!, line => line.TextContent);
        Assert.Contains("'broken', 'refund' (negative words)", signals["sentiment"], StringComparison.Ordinal);
        Assert.Contains("'refund' (topic keywords)", signals["topic"], StringComparison.Ordinal);
        Assert.Contains("no deciding words", signals["language"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_shows_status_sla_assignee_and_why_it_was_routed()
    {
        AnswerDetail(Detail() with
        {
            Status = ConversationStatuses.Pending, AssigneeId = Jordan.Id, AssigneeName = Jordan.DisplayName,
            ServiceLevel = ServiceLevelStates.AtRisk, ResponseDueAt = Start.AddHours(1),
        });

        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => Assert.Equal("pending", page.Find("[data-testid=conversation-status]").GetAttribute("data-status")));
        Assert.Equal("Waiting on customer", page.Find("[data-testid=conversation-status]").TextContent.Trim());
        Assert.Equal("Jordan Agent", page.Find("[data-testid=conversation-assignee]").TextContent.Trim());
        Assert.Equal("at-risk", page.Find("[data-testid=sla]").GetAttribute("data-sla"));
        Assert.Contains($"answer due {Start.AddHours(1).ToLocalTime():yyyy-MM-dd HH:mm}", page.Find("[data-testid=sla]").TextContent, StringComparison.Ordinal);
        Assert.Contains("because the message mentions a refund", page.Find("[data-testid=routing-reason]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"/customers/{CustomerId}", page.Find("[data-testid=conversation-customer]").GetAttribute("href"));
        Assert.True(page.Find("[data-testid=status-pending]").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData("status-resolved", "resolved")]
    [InlineData("status-pending", "pending")]
    public void A_status_button_posts_the_new_status_and_shows_the_result(string button, string status)
    {
        AnswerDetail(Detail());
        Api.Answer(HttpMethod.Post, $"{Path}/status", _ =>
        {
            AnswerDetail(Detail() with { Status = status });
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => page.Find($"[data-testid={button}]").Click());

        page.WaitForAssertion(() => Assert.Equal(status, page.Find("[data-testid=conversation-status]").GetAttribute("data-status")));
        Assert.Equal(status, Assert.Single(Api.CallsTo(HttpMethod.Post, $"{Path}/status")).Json.GetProperty("status").GetString());
    }

    [Fact]
    public void Opened_from_the_inbox_it_shows_its_place_and_moves_to_the_next_and_previous()
    {
        var (previous, next) = (Guid.NewGuid(), Guid.NewGuid());
        Services.GetRequiredService<InboxTrail>().Remember("inbox?status=open", [previous, _id, next], 57);
        AnswerDetail(Detail());
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));
        var navigation = Services.GetRequiredService<NavigationManager>();

        page.WaitForAssertion(() => Assert.Equal("2 of 57", page.Find("[data-testid=trail-position]").TextContent));
        Assert.Equal("inbox?status=open", page.Find("[data-testid=back-to-list]").GetAttribute("href"));
        page.Find("[data-testid=conversation-next]").Click();
        Assert.Equal($"http://localhost/conversations/{next}", navigation.Uri);
        page.Find("[data-testid=conversation-previous]").Click();
        Assert.Equal($"http://localhost/conversations/{previous}", navigation.Uri);
    }

    [Fact]
    public async Task Its_shortcuts_resolve_and_move_on_and_the_help_lists_them()
    {
        var next = Guid.NewGuid();
        Services.GetRequiredService<InboxTrail>().Remember("", [_id, next], 2);
        AnswerDetail(Detail());
        Api.Answer(HttpMethod.Post, $"{Path}/status", _ =>
        {
            AnswerDetail(Detail() with { Status = ConversationStatuses.Resolved });
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));
        page.WaitForAssertion(() => page.Find("[data-testid=conversation-header]"));

        await page.InvokeAsync(() => page.Instance.ShortcutAsync("?"));
        var help = page.Find("[data-testid=conversation-shortcuts]").TextContent;
        foreach (var action in new[] { "Write a reply", "Write an internal note", "Assign to me", "Resolve", "Waiting on customer", "Next conversation in the list" })
        {
            Assert.Contains(action, help, StringComparison.Ordinal);
        }

        await page.InvokeAsync(() => page.Instance.ShortcutAsync("e"));
        page.WaitForAssertion(() => Assert.Equal(ConversationStatuses.Resolved, page.Find("[data-testid=conversation-status]").GetAttribute("data-status")));
        Assert.Equal("resolved", Assert.Single(Api.CallsTo(HttpMethod.Post, $"{Path}/status")).Json.GetProperty("status").GetString());

        await page.InvokeAsync(() => page.Instance.ShortcutAsync("j"));
        Assert.Equal($"http://localhost/conversations/{next}", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Opened_from_elsewhere_it_offers_the_way_back_to_the_inbox_but_no_place_in_a_list()
    {
        AnswerDetail(Detail());
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => page.Find("[data-testid=back-to-list]"));
        Assert.Empty(page.FindAll("[data-testid=trail-position]"));
        Assert.Empty(page.FindAll("[data-testid=send-reply-next]"));
    }

    [Fact]
    public void A_refused_status_change_shows_the_apis_reason()
    {
        AnswerDetail(Detail());
        Api.Problem(HttpMethod.Post, $"{Path}/status", HttpStatusCode.Conflict, "The conversation changed meanwhile; reload and try again.");
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => page.Find("[data-testid=status-resolved]").Click());

        page.WaitForAssertion(() => Assert.Contains(
            "The status did not change to resolved: The conversation changed meanwhile; reload and try again.",
            page.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("open", page.Find("[data-testid=conversation-status]").GetAttribute("data-status"));
    }

    [Fact]
    public async Task Assign_to_me_claims_the_conversation_for_the_signed_in_staff_member()
    {
        var me = await SignedInAsync();
        AnswerDetail(Detail());
        Api.Answer(HttpMethod.Post, $"{Path}/claim", _ =>
        {
            AnswerDetail(Detail() with { AssigneeId = me.Id, AssigneeName = me.DisplayName });
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => page.Find("[data-testid=assign-to-me]").Click());

        page.WaitForAssertion(() => Assert.Equal("Alex Agent", page.Find("[data-testid=conversation-assignee]").TextContent.Trim()));
        Assert.Single(Api.CallsTo(HttpMethod.Post, $"{Path}/claim"));
        Assert.Empty(Api.CallsTo(HttpMethod.Put, $"{Path}/assignee"));
        Assert.Empty(page.FindAll("[data-testid=assign-to-me]"));
        Assert.Contains("department=support", Assert.Single(Api.CallsTo(HttpMethod.Get, "/api/staff")).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_to_me_is_offered_only_in_ones_own_department()
    {
        AnswerDetail(Detail() with { Department = "legal" });

        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => page.Find("[data-testid=conversation-status]"));
        Assert.Empty(page.FindAll("[data-testid=assign-to-me]"));
    }

    [Fact]
    public void Picking_a_colleague_assigns_them_and_unassign_clears()
    {
        AnswerDetail(Detail());
        Api.Answer(HttpMethod.Put, $"{Path}/assignee", HttpStatusCode.NoContent);
        var layers = RenderLayers();
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));
        page.WaitForAssertion(() => page.Find("[data-testid=assignee-select]"));

        Choose(page.Find("[data-testid=assignee-select]"), "Jordan Agent", layers);

        page.WaitForAssertion(() => Assert.Single(Api.CallsTo(HttpMethod.Put, $"{Path}/assignee")));
        Assert.Equal(Jordan.Id, Api.CallsTo(HttpMethod.Put, $"{Path}/assignee")[0].Json.GetProperty("staffId").GetGuid());

        AnswerDetail(Detail() with { AssigneeId = Jordan.Id, AssigneeName = Jordan.DisplayName });
        page.InvokeAsync(() => Live.PublishAsync(Envelope(new ConversationAssigned(_id, "support", null, Jordan.Id, Jordan.DisplayName, "agent", Start), 40)));
        page.WaitForAssertion(() => page.Find("[data-testid=unassign]").Click());

        page.WaitForAssertion(() => Assert.Equal(2, Api.CallsTo(HttpMethod.Put, $"{Path}/assignee").Count));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, Api.CallsTo(HttpMethod.Put, $"{Path}/assignee")[1].Json.GetProperty("staffId").ValueKind);
    }

    [Theory]
    [InlineData(false, "PUT", "Unfollow")]
    [InlineData(true, "DELETE", "Follow")]
    public void Follow_toggles_following(bool following, string method, string after)
    {
        AnswerDetail(Detail() with { Following = following });
        Api.Answer(new HttpMethod(method), $"{Path}/follow", _ =>
        {
            AnswerDetail(Detail() with { Following = !following });
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => page.Find("[data-testid=follow]").Click());

        page.WaitForAssertion(() => Assert.Equal(after, page.Find("[data-testid=follow]").TextContent.Trim()));
        Assert.Single(Api.CallsTo(new HttpMethod(method), $"{Path}/follow"));
    }

    [Fact]
    public void Adding_a_note_posts_it_clears_the_composer_and_shows_it()
    {
        AnswerDetail(Detail());
        var note = new NoteView(Guid.NewGuid(), "Refund approved by finance", Guid.NewGuid(), "Alex Agent", "support", Start.AddMinutes(5));
        Api.Answer(HttpMethod.Post, $"{Path}/notes", _ =>
        {
            AnswerDetail(Detail() with { Notes = [note] });
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = System.Net.Http.Json.JsonContent.Create(note) };
        });
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => page.Find("textarea[data-testid=note-input]").Input("  Refund approved by finance "));
        page.Find("[data-testid=add-note]").Click();

        page.WaitForAssertion(() => Assert.Contains("Refund approved by finance", page.Find("[data-testid=note]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Refund approved by finance", Assert.Single(Api.CallsTo(HttpMethod.Post, $"{Path}/notes")).Json.GetProperty("text").GetString());
        Assert.Equal("", page.Find("[data-testid=note-input]").GetAttribute("value") ?? "");
    }

    [Fact]
    public void An_empty_note_is_not_sent_and_a_refused_one_shows_why()
    {
        AnswerDetail(Detail());
        Api.Problem(HttpMethod.Post, $"{Path}/notes", HttpStatusCode.BadRequest, errors: new() { ["text"] = ["At most 4000 characters."] });
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => page.Find("[data-testid=add-note]").Click());
        page.WaitForAssertion(() => Assert.Contains("Write the note first.", page.Markup, StringComparison.Ordinal));
        Assert.Empty(Api.CallsTo(HttpMethod.Post, $"{Path}/notes"));

        page.Find("[data-testid=note-input]").Input("something far too long");
        page.Find("[data-testid=add-note]").Click();

        page.WaitForAssertion(() => Assert.Contains("At most 4000 characters.", page.Markup, StringComparison.Ordinal));
        Assert.Equal("something far too long", page.Find("[data-testid=note-input]").GetAttribute("value"));
    }

    [Fact]
    public async Task A_note_or_message_event_for_this_conversation_reloads_the_thread()
    {
        AnswerDetail(Detail());
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=message]")));

        var note = new NoteView(Guid.NewGuid(), "Escalated to legal", Guid.NewGuid(), "Sam Support-Manager", "support", Start.AddMinutes(1));
        AnswerDetail(Detail() with { Notes = [note] });
        await page.InvokeAsync(() => Live.PublishAsync(Envelope(new NoteAdded(_id, note.Id, CustomerId, "support", note.AuthorName, "support", Start), 21)));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=note]")));

        var reply = Message("Still waiting", Start.AddMinutes(2), null);
        AnswerDetail(Detail() with { Notes = [note], Messages = [Detail().Messages[0], reply] });
        await page.InvokeAsync(() => Live.PublishAsync(
            Envelope(new MessageReceived(_id, reply.Id, CustomerId, "x", "support", reply.Text, "question", "neutral", Start), 22)));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=message]").Count), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task An_event_for_another_conversation_does_not_reload_this_one()
    {
        AnswerDetail(Detail());
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=message]")));
        var loads = Api.CallsTo(HttpMethod.Get, Path).Count;

        await page.InvokeAsync(() => Live.PublishAsync(Envelope(new ConversationStatusChanged(Guid.NewGuid(), "support", "open", "resolved", "agent", Start), 30)));
        await page.InvokeAsync(() => Live.PublishAsync(Envelope(new ConversationStatusChanged(_id, "support", "open", "resolved", "agent", Start), 31)));

        page.WaitForAssertion(() => Assert.Equal(loads + 1, Api.CallsTo(HttpMethod.Get, Path).Count));
    }

    [Fact]
    public async Task Coming_back_live_after_reconnecting_reloads()
    {
        AnswerDetail(Detail());
        await Live.SetStateAsync(LiveConnectionState.Live);
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=message]")));

        await page.InvokeAsync(() => Live.SetStateAsync(LiveConnectionState.Reconnecting));
        // An event's reload marks the point after which only coming back live can show the next change.
        AnswerDetail(Detail() with { Status = ConversationStatuses.Pending });
        await page.InvokeAsync(() => Live.PublishAsync(Envelope(new ConversationStatusChanged(_id, "support", "open", "pending", "agent", Start), 60)));
        page.WaitForAssertion(() => Assert.Equal("pending", page.Find("[data-testid=conversation-status]").GetAttribute("data-status")), TimeSpan.FromSeconds(5));

        AnswerDetail(Detail() with { Status = ConversationStatuses.Resolved });
        await page.InvokeAsync(() => Live.SetStateAsync(LiveConnectionState.Live));

        page.WaitForAssertion(() => Assert.Equal("resolved", page.Find("[data-testid=conversation-status]").GetAttribute("data-status")), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_conversation_that_is_not_there_says_so()
    {
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => Assert.Contains(
            "This conversation does not exist or is not visible to you",
            page.Find("[data-testid=conversation-not-found]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=customer-360]"));
    }

    [Fact]
    public void The_page_shows_loading_and_then_an_error_it_can_retry()
    {
        Api.Gate = new TaskCompletionSource();
        Api.Problem(HttpMethod.Get, Path, HttpStatusCode.InternalServerError, "database unavailable");
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        Assert.NotEmpty(page.FindAll("[data-testid=conversation-loading]"));
        Api.Gate.SetResult();
        page.WaitForAssertion(() => Assert.Contains("database unavailable", page.Find("[data-testid=conversation-error]").TextContent, StringComparison.Ordinal));

        AnswerDetail(Detail());
        page.Find("[data-testid=conversation-error] button").Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=message]")));
    }

    [Fact]
    public async Task Viewers_show_as_avatars_with_you_marked_and_others_typing()
    {
        var me = await SignedInAsync();
        AnswerDetail(Detail());
        var lena = new PresentStaff(Guid.NewGuid(), "Lena Legal", ["legal"]);
        await Presence.JoinAsync("lena-tab", lena, _id);
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=viewer]").Count));
        var viewers = page.FindAll("[data-testid=viewer]").ToDictionary(avatar => avatar.GetAttribute("data-staff-name")!);
        Assert.Equal("true", viewers["Alex Agent"].GetAttribute("data-you"));
        Assert.Equal("false", viewers["Lena Legal"].GetAttribute("data-typing"));
        Assert.Empty(page.FindAll("[data-testid=typing]"));
        Assert.Contains(me.Id, Presence.Viewers(_id).Select(viewer => viewer.Staff.Id));

        await Presence.TypingAsync("lena-tab");

        page.WaitForAssertion(() => Assert.Equal("Lena Legal is typing…", page.Find("[data-testid=typing]").TextContent.Trim()));
        Assert.Equal("true", page.Find("[data-testid=viewer][data-staff-name='Lena Legal']").GetAttribute("data-typing"));

        await Presence.LeaveAsync("lena-tab");
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=viewer]")));
    }

    [Fact]
    public async Task Typing_a_note_tells_presence_and_leaving_the_page_stops_viewing()
    {
        var me = await SignedInAsync();
        AnswerDetail(Detail());
        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));
        page.WaitForAssertion(() => Assert.Single(Presence.Viewers(_id)));
        Assert.False(Presence.Viewers(_id)[0].Typing);

        page.Find("[data-testid=note-input]").Input("Calling them");

        var viewer = Assert.Single(Presence.Viewers(_id));
        Assert.Equal(me.Id, viewer.Staff.Id);
        Assert.True(viewer.Typing);
        Assert.Empty(page.FindAll("[data-testid=typing]"));

        await DisposeComponentsAsync();
        Assert.Empty(Presence.Viewers(_id));
    }

    [Fact]
    public void The_header_shows_the_priority_score_with_the_lines_that_explain_it()
    {
        AnswerDetail(Detail() with { PriorityScore = 47, PriorityExplanation = ["+20 vip tier", "+12 negative sentiment (−0.7)", "+15 waiting 3 h"] });

        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => Assert.Equal("47", page.Find("[data-testid=priority-score]").GetAttribute("data-score")));
        var chip = page.Find("[data-testid=priority-score]");
        Assert.Contains("Score 47", chip.TextContent, StringComparison.Ordinal);
        Assert.Equal("Priority score 47 of 100: +20 vip tier; +12 negative sentiment (−0.7); +15 waiting 3 h", chip.GetAttribute("aria-label"));
    }

    [Fact]
    public void A_reason_given_by_the_routing_rules_is_shown_as_it_is()
    {
        AnswerDetail(Detail() with { Department = "legal", RoutingReason = "Routed to legal by rule “GDPR requests” (#2) because keyword “GDPR”" });

        var page = Render<ConversationView>(parameters => parameters.Add(p => p.Id, _id));

        page.WaitForAssertion(() => Assert.Equal(
            "Routed to legal by rule “GDPR requests” (#2) because keyword “GDPR”", page.Find("[data-testid=routing-reason]").TextContent.Trim()));
    }

    private void AnswerDetail(ConversationDetail detail) => Api.Answer(HttpMethod.Get, Path, HttpStatusCode.OK, detail);

    private ConversationDetail Detail() => new(
        _id, CustomerId, "Ann Lee", "x", ConversationStatuses.Open, "complaint", "negative", -0.7, "orders", "en", "high", "high", "support",
        "the message mentions a refund", "My order arrived broken", Start, Start, null, null, 1, false,
        [Message("My order arrived broken", Start, null, Guid.Parse("0b3f6a55-4a2b-4a71-8a57-1f1f1f1f1f1f"))], Notes: [], History: []);

    private static MessageView Message(string text, DateTimeOffset at, MessageClassification? classification, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), text, MessageDirections.Inbound, "x", "mention", "x-1", "Ann Lee", at, null, null, classification);

    private static MessageClassification Classified(string type, double score, string label, string topicWord) => new(
        type, score, label, "orders", "en", "high",
        [
            new ClassificationSignal(ClassificationFacets.Sentiment, "negative words", ["broken", "refund"]),
            new ClassificationSignal(ClassificationFacets.Topic, "topic keywords", [topicWord]),
            new ClassificationSignal(ClassificationFacets.Urgency, "refund request", []),
        ]);
}
