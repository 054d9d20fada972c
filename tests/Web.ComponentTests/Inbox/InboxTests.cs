using System.Net;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Web.Components.Inbox;

namespace SocialEnterprise.Web.ComponentTests.Inbox;

public sealed class InboxTests : WorkspaceContext
{
    private const string FirstPage = "/api/conversations?limit=50&offset=0";
    private const string CountsPath = "/api/inbox/counts";

    public InboxTests()
    {
        Services.AddSingleton(TimeProvider.System);
        SignInAs("agent");
        Api.Answer(HttpMethod.Get, "/api/staff", HttpStatusCode.OK, new[] { Jordan });
        Api.Answer(HttpMethod.Get, "/api/topics", HttpStatusCode.OK, Array.Empty<object>());
        Api.Answer(HttpMethod.Get, CountsPath, HttpStatusCode.OK, Counts());
    }

    private static readonly StaffMemberView Jordan = new(Guid.NewGuid(), "Jordan Agent", ["support", "sales"]);

    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public void Rows_show_the_customer_the_SLA_clock_and_the_assignee()
    {
        var due = DateTimeOffset.UtcNow.AddMinutes(-12);
        var breached = Conversation("Ann Lee") with
        {
            AssigneeId = Jordan.Id, AssigneeName = "Jordan Agent", ResponseDueAt = due, ResponseWarnAt = due.AddMinutes(-5), ServiceLevel = ServiceLevelStates.Breached,
        };
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(breached, Conversation("Bo Chen")));

        var page = Render<Components.Inbox.Inbox>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=inbox-row]").Count));
        var row = page.Find($"[data-testid=inbox-row][data-conversation-id='{breached.Id}']");
        Assert.Equal("Ann Lee", row.QuerySelector("[data-testid=row-customer]")!.TextContent);
        Assert.Equal("Jordan Agent", row.QuerySelector("[data-testid=row-assignee]")!.TextContent);
        var sla = row.QuerySelector("[data-testid=row-sla]")!;
        Assert.Equal(ServiceLevelStates.Breached, sla.GetAttribute("data-sla"));
        Assert.Contains("Breached · 12 min overdue", sla.TextContent, StringComparison.Ordinal);
        Assert.Equal("Unassigned", page.Find("[data-testid=inbox-row][data-index='1'] [data-testid=row-assignee]").TextContent);
        Assert.Equal("2 conversations", page.Find("[data-testid=inbox-total]").TextContent.Trim());
    }

    [Fact]
    public void Filters_and_search_ask_the_Api_for_exactly_that_and_live_in_the_address()
    {
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(Conversation("Ann Lee")));
        var layers = RenderLayers();
        var page = Render<Components.Inbox.Inbox>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=inbox-row]")));

        Choose(page.Find("input[data-testid=filter-status]"), "Pending", layers);
        page.WaitForAssertion(() => Assert.Single(Api.CallsTo(HttpMethod.Get, "/api/conversations"), call => call.PathAndQuery == "/api/conversations?status=pending&limit=50&offset=0"));
        Choose(page.Find("input[data-testid=filter-assignee]"), "Jordan Agent", layers);
        page.WaitForAssertion(() => Assert.Contains(Api.Calls, call => call.PathAndQuery == $"/api/conversations?status=pending&assignee={Jordan.Id}&limit=50&offset=0"));
        page.Find("input[data-testid=inbox-search]").Input("late refund");

        page.WaitForAssertion(() => Assert.Contains(
            Api.Calls, call => call.PathAndQuery == $"/api/conversations?q=late%20refund&status=pending&assignee={Jordan.Id}&limit=50&offset=0"));
        Assert.Equal($"http://localhost/?q=late%20refund&status=pending&assignee={Jordan.Id}", Navigation.Uri);
    }

    [Fact]
    public void An_address_with_filters_opens_the_inbox_filtered_and_clearing_them_shows_everything()
    {
        Navigation.NavigateTo("inbox?sla=breached&sort=due");
        Api.Answer(HttpMethod.Get, "/api/conversations?sla=breached&sort=due&limit=50&offset=0", HttpStatusCode.OK, Page());
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(Conversation("Ann Lee")));

        var page = Render<Components.Inbox.Inbox>();

        page.WaitForAssertion(() => Assert.Contains("No conversations match", page.Find("[data-testid=inbox-empty]").TextContent, StringComparison.Ordinal));
        Assert.Equal("Due soonest", page.Find("input[data-testid=filter-sort]").GetAttribute("value"));
        page.Find("[data-testid=empty-clear-filters]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=inbox-row]")));
        Assert.Equal("http://localhost/inbox", Navigation.Uri);
    }

    [Fact]
    public void View_counts_read_1000_plus_when_capped_and_so_does_the_total()
    {
        Api.Answer(HttpMethod.Get, CountsPath, HttpStatusCode.OK, new[]
        {
            new InboxViewCount("open", "Open", "status=open", 1_000, true),
            new InboxViewCount("mine", "Assigned to me", "status=open&assignee=me", 234, false),
        });
        var conversations = Enumerable.Range(0, 250).Select(i => Conversation($"Customer {i}")).ToList();
        Api.Answer(HttpMethod.Get, "/api/conversations", _ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = System.Net.Http.Json.JsonContent.Create(new ConversationPage(conversations[50..], 1_000, true)),
        });
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, new ConversationPage(conversations[..50], 1_000, true));

        var page = Render<Components.Inbox.Inbox>();

        page.WaitForAssertion(() => Assert.Equal("1,000+", page.Find("[data-testid=inbox-view][data-view-key=open] [data-testid=view-count]").TextContent));
        Assert.Equal("234", page.Find("[data-testid=inbox-view][data-view-key=mine] [data-testid=view-count]").TextContent);
        Assert.Equal("1,000+ conversations", page.Find("[data-testid=inbox-total]").TextContent.Trim());
    }

    [Fact]
    public void Choosing_a_view_applies_its_query()
    {
        var mine = Conversation("Mine Only");
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(Conversation("Ann Lee"), Conversation("Bo Chen")));
        Api.Answer(HttpMethod.Get, "/api/conversations?status=open&assignee=me&limit=50&offset=0", HttpStatusCode.OK, Page(mine));
        var page = Render<Components.Inbox.Inbox>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=inbox-row]").Count));
        Assert.Equal("true", page.Find("[data-testid=inbox-view][data-view-key=all]").GetAttribute("data-active"));

        page.Find("[data-testid=inbox-view][data-view-key=mine] button").Click();

        page.WaitForAssertion(() => Assert.Equal(mine.Id.ToString(), Assert.Single(page.FindAll("[data-testid=inbox-row]")).GetAttribute("data-conversation-id")));
        Assert.Equal("http://localhost/?status=open&assignee=me", Navigation.Uri);
        Assert.Equal("true", page.Find("[data-testid=inbox-view][data-view-key=mine]").GetAttribute("data-active"));
        Assert.Equal("false", page.Find("[data-testid=inbox-view][data-view-key=all]").GetAttribute("data-active"));
        Assert.Equal("Me", page.Find("input[data-testid=filter-assignee]").GetAttribute("value"));
    }

    [Fact]
    public void Saving_a_view_posts_its_name_and_query_and_shows_the_Api_name_error()
    {
        Navigation.NavigateTo("inbox?status=open&priority=urgent");
        Api.Answer(HttpMethod.Get, "/api/conversations?status=open&priority=urgent&limit=50&offset=0", HttpStatusCode.OK, Page(Conversation("Ann Lee")));
        Api.Problem(HttpMethod.Post, "/api/inbox/views", HttpStatusCode.BadRequest, errors: new() { ["name"] = ["You already have a view with this name."] });
        var layers = RenderLayers();
        var page = Render<Components.Inbox.Inbox>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=inbox-row]")));

        page.Find("[data-testid=save-view]").Click();
        layers.Dialogs.WaitForAssertion(() => layers.Dialogs.Find("input[data-testid=view-name]").Input("Urgent"));
        layers.Dialogs.Find("[data-testid=confirm-save-view]").Click();

        layers.Dialogs.WaitForAssertion(() => Assert.Contains(
            "You already have a view with this name.", layers.Dialogs.Find("input[data-testid=view-name]").Closest(".mud-input-control")!.TextContent, StringComparison.Ordinal));
        var body = Assert.Single(Api.CallsTo(HttpMethod.Post, "/api/inbox/views")).Json;
        Assert.Equal("Urgent", body.GetProperty("name").GetString());
        Assert.Equal("status=open&priority=urgent", body.GetProperty("query").GetString());
    }

    [Fact]
    public void A_saved_view_joins_the_views_with_its_count()
    {
        var saved = new SavedViewView(Guid.NewGuid(), "Urgent", "priority=urgent");
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(Conversation("Ann Lee")));
        Api.Answer(HttpMethod.Post, "/api/inbox/views", HttpStatusCode.Created, saved);
        var layers = RenderLayers();
        var page = Render<Components.Inbox.Inbox>();
        page.WaitForAssertion(() => Assert.Equal(BuiltInInboxViews.All.Count, page.FindAll("[data-testid=inbox-view]").Count));
        Api.Answer(HttpMethod.Get, CountsPath, HttpStatusCode.OK, Counts(new InboxViewCount($"saved:{saved.Id:N}", "Urgent", saved.Query, 3, false, saved.Id)));

        page.Find("[data-testid=save-view]").Click();
        layers.Dialogs.WaitForAssertion(() => layers.Dialogs.Find("input[data-testid=view-name]").Input("Urgent"));
        layers.Dialogs.Find("[data-testid=confirm-save-view]").Click();

        page.WaitForAssertion(() => Assert.Equal("3", page.Find($"[data-testid=inbox-view][data-view-key='saved:{saved.Id:N}'] [data-testid=view-count]").TextContent));
        Assert.Empty(layers.Dialogs.FindAll("[data-testid=view-name]"));
    }

    [Fact]
    public void Deleting_a_saved_view_asks_first_then_deletes_it()
    {
        var id = Guid.NewGuid();
        var key = $"saved:{id:N}";
        Api.Answer(HttpMethod.Get, CountsPath, HttpStatusCode.OK, Counts(new InboxViewCount(key, "Urgent", "priority=urgent", 3, false, id)));
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(Conversation("Ann Lee")));
        Api.Answer(HttpMethod.Delete, $"/api/inbox/views/{id}", HttpStatusCode.NoContent);
        var layers = RenderLayers();
        var page = Render<Components.Inbox.Inbox>();
        page.WaitForAssertion(() => page.Find($"[data-testid=inbox-view][data-view-key='{key}'] [data-testid=delete-view]").Click());
        layers.Dialogs.WaitForAssertion(() => Assert.Contains("Delete your view Urgent?", layers.Dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(Api.CallsTo(HttpMethod.Delete, $"/api/inbox/views/{id}"));
        Api.Answer(HttpMethod.Get, CountsPath, HttpStatusCode.OK, Counts());

        layers.Dialogs.FindAll("button").Single(button => button.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-testid=inbox-view][data-view-key='{key}']")));
        Assert.Single(Api.CallsTo(HttpMethod.Delete, $"/api/inbox/views/{id}"));
    }

    [Fact]
    public async Task J_and_k_move_the_selection_and_Enter_opens_the_selected_conversation()
    {
        var first = Conversation("Ann Lee");
        var second = Conversation("Bo Chen");
        var third = Conversation("Cy Diaz");
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(first, second, third));
        var page = Render<Components.Inbox.Inbox>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=inbox-row]").Count));
        Assert.Empty(page.FindAll("[data-testid=inbox-row][data-selected=true]"));

        await page.InvokeAsync(() => page.Instance.ShortcutAsync("j"));
        Assert.Equal(first.Id.ToString(), Selected(page));
        await page.InvokeAsync(() => page.Instance.ShortcutAsync("j"));
        await page.InvokeAsync(() => page.Instance.ShortcutAsync("j"));
        await page.InvokeAsync(() => page.Instance.ShortcutAsync("j"));
        Assert.Equal(third.Id.ToString(), Selected(page));
        await page.InvokeAsync(() => page.Instance.ShortcutAsync("k"));
        Assert.Equal(second.Id.ToString(), Selected(page));
        Assert.Single(page.FindAll("[data-testid=inbox-row][data-selected=true]"));
        Assert.Contains(JSInterop.Invocations, invocation => invocation.Identifier == "socialEnterprise.inboxReveal" && (int)invocation.Arguments[1]! == 1);

        await page.InvokeAsync(() => page.Instance.ShortcutAsync("Enter"));

        Assert.Equal($"http://localhost/conversations/{second.Id}", Navigation.Uri);
    }

    [Fact]
    public async Task The_page_registers_its_keys_and_question_mark_toggles_the_help()
    {
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(Conversation("Ann Lee")));
        var page = Render<Components.Inbox.Inbox>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=inbox-row]")));

        Assert.Contains(JSInterop.Invocations, invocation => invocation.Identifier == "socialEnterprise.inboxKeys");
        Assert.Contains("j/k move · Enter open · / search · ? help", page.Find("[data-testid=shortcuts-hint]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=shortcuts-help]"));
        await page.InvokeAsync(() => page.Instance.ShortcutAsync("?"));
        Assert.Contains("Open the selected conversation", page.Find("[data-testid=shortcuts-help]").TextContent, StringComparison.Ordinal);
        await page.InvokeAsync(() => page.Instance.ShortcutAsync("?"));
        Assert.Empty(page.FindAll("[data-testid=shortcuts-help]"));
    }

    [Fact]
    public async Task A_new_conversation_appears_live_and_the_selection_stays_on_its_conversation()
    {
        var first = Conversation("Ann Lee");
        var second = Conversation("Bo Chen");
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(first, second));
        var page = Render<Components.Inbox.Inbox>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=inbox-row]").Count));
        await page.InvokeAsync(() => page.Instance.ShortcutAsync("j"));
        await page.InvokeAsync(() => page.Instance.ShortcutAsync("j"));
        Assert.Equal(second.Id.ToString(), Selected(page));
        var arrived = Conversation("New Customer", "My order never came");
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(arrived, first, second));
        Api.Answer(HttpMethod.Get, CountsPath, HttpStatusCode.OK, Counts(new InboxViewCount("saved:x", "Fresh", "", 42, false, Guid.NewGuid())));

        await Live.PublishAsync(Envelope(new ConversationOpened(arrived.Id, arrived.CustomerId, "x", "support", "question", Priorities.Normal, arrived.Preview, DateTimeOffset.UtcNow), 1));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=inbox-row]").Count));
        Assert.Equal(arrived.Id.ToString(), page.Find("[data-testid=inbox-row][data-index='0']").GetAttribute("data-conversation-id"));
        Assert.Equal(second.Id.ToString(), Selected(page));
        Assert.Equal("2", page.Find("[data-testid=inbox-row][data-selected=true]").GetAttribute("data-index"));
        Assert.Equal("3 conversations", page.Find("[data-testid=inbox-total]").TextContent.Trim());
        page.WaitForAssertion(() => Assert.Equal("42", page.Find("[data-testid=inbox-view][data-view-key='saved:x'] [data-testid=view-count]").TextContent));
    }

    [Fact]
    public async Task A_new_message_reloads_the_list_but_events_of_other_streams_do_not()
    {
        var conversation = Conversation("Ann Lee");
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(conversation));
        var page = Render<Components.Inbox.Inbox>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=inbox-row]")));
        var loads = Api.CallsTo(HttpMethod.Get, "/api/conversations").Count;

        await Live.PublishAsync(Envelope(new SocialEnterprise.Contracts.Probes.PipelineProbeRequested(Guid.NewGuid(), "ops", DateTimeOffset.UtcNow), 1));
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(conversation with { Preview = "Any news?" }));
        await Live.PublishAsync(Envelope(new MessageReceived(conversation.Id, Guid.NewGuid(), conversation.CustomerId, "x", "support", "Any news?", "question", "neutral", DateTimeOffset.UtcNow), 2));

        page.WaitForAssertion(() => Assert.Equal("Any news?", page.Find("[data-testid=row-preview]").TextContent));
        Assert.Equal(loads + 1, Api.CallsTo(HttpMethod.Get, "/api/conversations").Count);
    }

    [Fact]
    public async Task Coming_back_live_after_reconnecting_reloads_the_list()
    {
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(Conversation("Ann Lee")));
        var page = Render<Components.Inbox.Inbox>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=inbox-row]")));
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(Conversation("Ann Lee"), Conversation("Missed Meanwhile")));

        await Live.SetStateAsync(Web.Live.LiveConnectionState.Reconnecting);
        await Live.SetStateAsync(Web.Live.LiveConnectionState.Live);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=inbox-row]").Count));
    }

    [Fact]
    public void The_page_shows_it_is_loading_until_the_Api_answers()
    {
        Api.Gate = new TaskCompletionSource();
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page());

        var page = Render<Components.Inbox.Inbox>();

        Assert.NotEmpty(page.FindAll("[data-testid=inbox-loading]"));
        Api.Gate.SetResult();
        page.WaitForAssertion(() => Assert.Contains("Your inbox is empty", page.Find("[data-testid=inbox-empty]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=empty-clear-filters]"));
        Assert.Equal("0 conversations", page.Find("[data-testid=inbox-total]").TextContent.Trim());
    }

    [Fact]
    public void A_failure_shows_the_Api_reason_and_Retry_loads_again()
    {
        Api.Problem(HttpMethod.Get, FirstPage, HttpStatusCode.ServiceUnavailable, "The database is not reachable.");
        var page = Render<Components.Inbox.Inbox>();
        page.WaitForAssertion(() => Assert.Contains(
            "The inbox could not be loaded: The database is not reachable.", page.Find("[data-testid=inbox-error]").TextContent, StringComparison.Ordinal));
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(Conversation("Ann Lee")));

        page.Find("[data-testid=inbox-retry]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=inbox-row]")));
        Assert.Empty(page.FindAll("[data-testid=inbox-error]"));
    }

    [Fact]
    public void Rows_past_the_first_page_are_fetched_by_offset_as_the_list_asks_for_them()
    {
        var conversations = Enumerable.Range(0, 120).Select(i => Conversation($"Customer {i}")).ToArray();
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, new ConversationPage(conversations[..50], 120));
        Api.Answer(HttpMethod.Get, "/api/conversations", call =>
        {
            var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://api.test" + call.PathAndQuery).Query);
            var offset = int.Parse(query["offset"]!, System.Globalization.CultureInfo.InvariantCulture);
            var limit = int.Parse(query["limit"]!, System.Globalization.CultureInfo.InvariantCulture);
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = System.Net.Http.Json.JsonContent.Create(new ConversationPage(conversations.Skip(offset).Take(limit).ToList(), 120)),
            };
        });

        var page = Render<Components.Inbox.Inbox>();

        page.WaitForAssertion(() => Assert.Contains(Api.Calls, call => call.PathAndQuery == "/api/conversations?limit=70&offset=50"));
        page.WaitForAssertion(() => Assert.Equal(conversations[60].Id.ToString(), page.Find("[data-testid=inbox-row][data-index='60']").GetAttribute("data-conversation-id")));
    }

    private static string? Selected(IRenderedComponent<Components.Inbox.Inbox> page) =>
        page.Find("[data-testid=inbox-row][data-selected=true]").GetAttribute("data-conversation-id");

    private static ConversationSummary Conversation(string customer, string preview = "Where is my parcel?") => new(
        Guid.NewGuid(), Guid.NewGuid(), customer, "x", ConversationStatuses.Open, "question", "negative", null, Priorities.Normal, "support", preview,
        DateTimeOffset.UtcNow.AddMinutes(-3), 1);

    private static ConversationPage Page(params ConversationSummary[] items) => new(items, items.Length);

    private static List<InboxViewCount> Counts(params InboxViewCount[] saved) =>
    [
        .. BuiltInInboxViews.All.Select((view, i) => new InboxViewCount(view.Key, view.Name, view.Query.ToQueryString(), i, false)),
        .. saved,
    ];

    [Fact]
    public void An_empty_inbox_tells_a_department_that_routing_sends_little_to_why_and_where_its_work_is()
    {
        SignInAs("marketing");
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page());

        var page = Render<Components.Inbox.Inbox>();

        page.WaitForAssertion(() => Assert.Contains("Nothing is waiting for Marketing", page.Find("[data-testid=inbox-empty-why]").TextContent, StringComparison.Ordinal));
        Assert.Equal("departments/marketing/activity", page.Find("[data-testid=inbox-empty-activity]").GetAttribute("href"));
        Assert.Equal("consults", page.Find("[data-testid=inbox-empty-consults]").GetAttribute("href"));
    }

    [Fact]
    public void An_admins_empty_inbox_only_says_new_conversations_appear_on_their_own()
    {
        SignInAs("admin");
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page());

        var page = Render<Components.Inbox.Inbox>();

        page.WaitForAssertion(() => Assert.Contains("appear here on their own", page.Find("[data-testid=inbox-empty]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=inbox-empty-why]"));
    }

    [Fact]
    public void A_rows_channel_reads_as_its_name()
    {
        Api.Answer(HttpMethod.Get, FirstPage, HttpStatusCode.OK, Page(Conversation("Ann Lee") with { Channel = "reviews" }));

        var page = Render<Components.Inbox.Inbox>();

        page.WaitForAssertion(() => Assert.Equal("Review sites", page.Find("[data-testid=row-channel]").TextContent.Trim()));
    }
}
