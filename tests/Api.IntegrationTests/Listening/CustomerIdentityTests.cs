using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Listening;

/// <summary>One customer across channels: linked on evidence, suggested on likeness, merged and unmerged by staff.</summary>
public sealed class CustomerIdentityTests(ListeningFixture intake) : IClassFixture<ListeningFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_email_links_an_identity_to_its_customer_with_that_evidence()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var byEmail = await CustomerOfAsync("email", ChannelEvents.Event("Hello, my order arrived damaged, what can I do?", email, "Priya Shah", MessageKinds.Email, email: email));
        var inChat = await CustomerOfAsync("chat", ChannelEvents.Event("Hi, following up on my email about a damaged order?", $"visitor-{Guid.NewGuid():N}"[..16], "Priya", MessageKinds.Chat, email: email));

        Assert.Equal(byEmail, inChat);
        var profile = await ProfileAsync(byEmail);
        Assert.Equal(2, profile.Identities.Count);
        var chat = Assert.Single(profile.Identities, i => i.Channel == "chat");
        Assert.Equal(IdentityEvidenceKinds.SameEmail, chat.EvidenceKind);
        Assert.Contains(email, chat.Evidence, StringComparison.Ordinal);
        Assert.Equal(2, profile.Conversations.Count);
    }

    [Fact]
    public async Task A_declared_profile_link_joins_the_customer_who_owns_that_profile()
    {
        var xHandle = $"jonas_{Guid.NewGuid():N}"[..16];
        var onX = await CustomerOfAsync("x", ChannelEvents.Event("Your app keeps crashing on my phone, please fix it", xHandle, "Jonas Berg"));
        var onLinkedIn = await CustomerOfAsync("linkedin", ChannelEvents.Event(
            "Would love an export to CSV feature for reports", $"jonas-berg-{Guid.NewGuid():N}"[..20], "Jonas Berg", MessageKinds.Post,
            links: [new IngestLinkedProfile("x", "@" + xHandle)]));

        Assert.Equal(onX, onLinkedIn);
        var linked = Assert.Single((await ProfileAsync(onX)).Identities, i => i.Channel == "linkedin");
        Assert.Equal(IdentityEvidenceKinds.DeclaredLink, linked.EvidenceKind);
    }

    [Fact]
    public async Task A_lookalike_is_only_suggested_and_staff_merge_and_undo_it()
    {
        var name = $"Ann Lee {Guid.NewGuid():N}"[..16];
        var letters = new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).ToArray()).PadRight(6, 'q');
        var onX = await CustomerOfAsync("x", ChannelEvents.Event("My invoice is wrong, I was charged twice!", $"{letters}_lee", name));
        var onFacebook = await CustomerOfAsync("facebook", ChannelEvents.Event("Still waiting on my refund for the double charge!", $"{letters}lee84", name, MessageKinds.Comment));

        Assert.NotEqual(onX, onFacebook);
        using var agent = intake.CreateStaffClient("agent", "support");
        var suggestions = await agent.GetFromJsonAsync<List<MergeSuggestionView>>("api/customers/merge-suggestions", _cancellation);
        var suggestion = Assert.Single(suggestions!, s => s.Customer.Id == onFacebook && s.Candidate.Id == onX);
        Assert.Contains("same name", suggestion.Reason, StringComparison.Ordinal);
        Assert.Contains("handle", suggestion.Reason, StringComparison.Ordinal);
        var facebookConversation = Assert.Single((await ProfileAsync(onFacebook)).Conversations).Id;

        using var merging = await agent.PostAsJsonAsync("api/customers/merges", new MergeRequest(onFacebook, onX, suggestion.Id), _cancellation);
        Assert.Equal(HttpStatusCode.Created, merging.StatusCode);
        var merge = (await merging.Content.ReadFromJsonAsync<MergeView>(_cancellation))!;
        var merged = await ProfileAsync(onX);
        Assert.Equal(["facebook", "x"], merged.Identities.Select(i => i.Channel).Order());
        Assert.Contains(merged.Conversations, c => c.Id == facebookConversation);
        Assert.Equal(onX, (await ProfileAsync(onFacebook)).MergedIntoId);
        Assert.DoesNotContain(await agent.GetFromJsonAsync<List<MergeSuggestionView>>("api/customers/merge-suggestions", _cancellation) ?? [], s => s.Id == suggestion.Id);

        // A conversation the moved identity opens after the merge goes back with it on undo.
        var later = await intake.IngestAsync("facebook", ChannelEvents.Event("And the app crashes at checkout?", $"{letters}lee84", name, MessageKinds.Post), _cancellation);
        await intake.SettleAsync(_cancellation);
        var laterConversation = await intake.ConversationOfAsync(later, _cancellation);
        Assert.Equal(onX, (await intake.ConversationAsync(laterConversation, _cancellation)).CustomerId);

        using var undoing = await agent.PostAsync($"api/customers/merges/{merge.Id}/undo", null, _cancellation);
        Assert.Equal(HttpStatusCode.Created, undoing.StatusCode);
        var source = await ProfileAsync(onFacebook);
        Assert.Null(source.MergedIntoId);
        Assert.Equal(["facebook"], source.Identities.Select(i => i.Channel));
        Assert.Equal([facebookConversation, laterConversation], source.Conversations.Select(c => c.Id).Order());
        Assert.Equal(["x"], (await ProfileAsync(onX)).Identities.Select(i => i.Channel));

        using var again = await agent.PostAsync($"api/customers/merges/{merge.Id}/undo", null, _cancellation);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await using var db = intake.NewDbContext();
        var audited = await db.AuditLog.Where(e => e.Target == $"customer/{onX}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(_cancellation);
        Assert.Equal([AuditActions.CustomersMerged, AuditActions.CustomerMergeUndone], audited);
        var events = await db.EventLog.Where(e => e.StreamId == CustomerStream.Of(onX)).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync(_cancellation);
        Assert.Equal(["CustomersMerged", "CustomerMergeUndone"], events);
    }

    [Fact]
    public async Task Merging_needs_two_live_customers()
    {
        using var admin = intake.CreateClient();
        var one = await CustomerOfAsync("x", ChannelEvents.Event("Where can I find the pricing for teams?", $"solo_{Guid.NewGuid():N}"[..16], "Solo Person"));

        using var self = await admin.PostAsJsonAsync("api/customers/merges", new MergeRequest(one, one, null), _cancellation);
        using var missing = await admin.PostAsJsonAsync("api/customers/merges", new MergeRequest(Guid.NewGuid(), one, null), _cancellation);
        using var empty = await admin.PostAsJsonAsync("api/customers/merges", new MergeRequest(null, null, null), _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var body = await empty.Content.ReadAsStringAsync(_cancellation);
        Assert.Contains("sourceId", body, StringComparison.Ordinal);
        Assert.Contains("targetId", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_is_implied_by_writing_directly_recorded_by_staff_and_a_withdrawal_sticks()
    {
        var handle = $"consent_{Guid.NewGuid():N}"[..18];
        var customer = await CustomerOfAsync("x", ChannelEvents.Event("Your delivery was late again!", handle, "Con Sent"));
        var identity = Assert.Single((await ProfileAsync(customer)).Identities);
        Assert.Equal(ConsentStatuses.Unknown, identity.Consent.Status);

        await CustomerOfAsync("x", ChannelEvents.Event("Can you check my order status?", handle, "Con Sent", MessageKinds.DirectMessage));
        Assert.Equal(ConsentStatuses.Granted, Assert.Single((await ProfileAsync(customer)).Identities).Consent.Status);

        using var admin = intake.CreateClient();
        using var invalid = await admin.PutAsJsonAsync($"api/customers/{customer}/identities/{identity.Id}/consent", new ConsentRequest("maybe", ""), _cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var withdrawn = await admin.PutAsJsonAsync(
            $"api/customers/{customer}/identities/{identity.Id}/consent", new ConsentRequest("withdrawn", "Asked by DM not to be contacted"), _cancellation);
        withdrawn.EnsureSuccessStatusCode();

        await CustomerOfAsync("x", ChannelEvents.Event("One more thing about my order?", handle, "Con Sent", MessageKinds.DirectMessage));
        var consent = Assert.Single((await ProfileAsync(customer)).Identities).Consent;
        Assert.Equal((ConsentStatuses.Withdrawn, "Asked by DM not to be contacted"), (consent.Status, consent.Basis));
    }

    private async Task<Guid> CustomerOfAsync(string channel, IngestEventRequest request)
    {
        var id = await intake.IngestAsync(channel, request, _cancellation);
        await intake.SettleAsync(_cancellation);
        return (await intake.ConversationAsync(await intake.ConversationOfAsync(id, _cancellation), _cancellation)).CustomerId;
    }

    private async Task<CustomerProfile> ProfileAsync(Guid customerId)
    {
        using var client = intake.CreateClient();
        return (await client.GetFromJsonAsync<CustomerProfile>($"api/customers/{customerId}", _cancellation))!;
    }
}
