using System.Net;
using System.Net.Http.Json;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Access;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Staff;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Listening;

/// <summary>
/// No list, search, count, conversation or profile shows a caller what is with another department: staff see their
/// departments' conversations and those they follow or were mentioned in; admins and read-scoped keys see everything.
/// </summary>
public sealed class ConversationVisibilityTests(ListeningFixture intake) : IClassFixture<ListeningFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_caller_sees_exactly_the_departments_it_may_and_nothing_leaks_through_search_counts_or_profiles()
    {
        var word = $"kiwi{Guid.NewGuid():N}"[..12];
        var conversations = new List<ConversationDetail>();
        foreach (var (channel, text) in new[]
        {
            ("x", $"I was charged twice on my invoice, I want a refund {word}!"),
            ("email", $"Under GDPR I request that you delete my personal data {word}."),
            ("community", $"Idea: please add a dark mode option to the dashboard {word}"),
        })
        {
            var id = await intake.IngestAsync(channel, ChannelEvents.Event(text, $"vis_{Guid.NewGuid():N}"[..16], "Vis Ibility",
                channel == "email" ? MessageKinds.Email : MessageKinds.Post), _cancellation);
            await intake.SettleAsync(_cancellation);
            conversations.Add(await intake.ConversationAsync(await intake.ConversationOfAsync(id, _cancellation), _cancellation));
        }

        var departments = conversations.Select(c => c.Department).Distinct().ToList();
        Assert.True(departments.Count >= 2, $"the messages should reach different departments, got {string.Join(", ", departments)}");

        var legalMember = Guid.NewGuid();
        var callers = new Dictionary<string, (string? Bearer, Func<ConversationDetail, bool> MaySee)>
        {
            ["admin"] = (ListeningFixture.Staff(Guid.NewGuid(), StaffRoles.Admin), _ => true),
            ["key:read"] = (await intake.CreateKeyAsync("visibility read", ApiScopes.Read), _ => true),
            ["support agent"] = (ListeningFixture.Staff(Guid.NewGuid(), StaffRoles.Agent, "support"), c => c.Department == "support"),
            ["support manager"] = (ListeningFixture.Staff(Guid.NewGuid(), StaffRoles.Manager, "support"), c => c.Department == "support"),
            ["legal member"] = (ListeningFixture.Staff(legalMember, StaffRoles.Member, "legal"), c => c.Department == "legal"),
            ["product and engineering member"] = (ListeningFixture.Staff(Guid.NewGuid(), StaffRoles.Member, "product", "engineering"), c => c.Department is "product" or "engineering"),
            ["workspace"] = (ApiFixture.Tokens.IssueForWorkspace(), _ => false),
        };

        foreach (var (caller, (bearer, maySee)) in callers)
        {
            await AssertSeesExactlyAsync(caller, bearer, word, conversations, maySee);
        }

        // Following (and, later, a mention) lets a member see a conversation of another department, and nothing else.
        var other = conversations.First(c => c.Department != "legal");
        await using (var db = intake.NewDbContext())
        {
            db.ConversationParticipants.Add(ConversationParticipant.Follow(other.Id, legalMember, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync(_cancellation);
        }

        await AssertSeesExactlyAsync("legal member following", callers["legal member"].Bearer, word, conversations,
            c => c.Department == "legal" || c.Id == other.Id);
        using var member = intake.CreateClient(callers["legal member"].Bearer);
        Assert.True((await member.GetFromJsonAsync<ConversationDetail>($"api/conversations/{other.Id}", _cancellation))!.Following);
    }

    [Fact]
    public async Task A_member_cannot_follow_or_act_on_what_they_cannot_see()
    {
        var id = await intake.IngestAsync("x", ChannelEvents.Event("My parcel is lost, where is my delivery?", $"hid_{Guid.NewGuid():N}"[..16], "Hid Den"), _cancellation);
        await intake.SettleAsync(_cancellation);
        var conversation = await intake.ConversationAsync(await intake.ConversationOfAsync(id, _cancellation), _cancellation);
        Assert.NotEqual("legal", conversation.Department);
        using var member = intake.CreateClient(ListeningFixture.Staff(Guid.NewGuid(), StaffRoles.Member, "legal"));

        using var follow = await member.PutAsync($"api/conversations/{conversation.Id}/follow", null, _cancellation);
        using var status = await member.PostAsJsonAsync($"api/conversations/{conversation.Id}/status", new ConversationStatusRequest("resolved"), _cancellation);

        Assert.Equal(HttpStatusCode.NotFound, follow.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal(ConversationStatuses.Open, (await intake.ConversationAsync(conversation.Id, _cancellation)).Status);
    }

    private async Task AssertSeesExactlyAsync(
        string caller, string? bearer, string word, List<ConversationDetail> conversations, Func<ConversationDetail, bool> maySee)
    {
        using var client = intake.CreateClient(bearer);
        var listed = (await client.GetFromJsonAsync<ConversationPage>("api/conversations?limit=200", _cancellation))!;
        var searched = (await client.GetFromJsonAsync<ConversationPage>($"api/conversations?q={word}", _cancellation))!;
        var expected = conversations.Where(maySee).Select(c => c.Id).Order().ToList();

        Assert.True(expected.SequenceEqual(searched.Items.Select(i => i.Id).Order()), $"{caller}: search shows the wrong conversations");
        Assert.True(searched.Total == expected.Count, $"{caller}: search counts {searched.Total}, may see {expected.Count}");
        // Triage roles (admins, managers, agents) may open any customer's profile; its conversations are still filtered.
        var triages = caller is "admin" or "key:read" || caller.Contains("agent", StringComparison.Ordinal) || caller.Contains("manager", StringComparison.Ordinal);
        foreach (var conversation in conversations)
        {
            var visible = maySee(conversation);
            Assert.True(visible == listed.Items.Any(i => i.Id == conversation.Id), $"{caller}: list and {conversation.Department} conversation");
            using var detail = await client.GetAsync($"api/conversations/{conversation.Id}", _cancellation);
            Assert.True((visible ? HttpStatusCode.OK : HttpStatusCode.NotFound) == detail.StatusCode, $"{caller}: {conversation.Department} conversation is {(int)detail.StatusCode}");
            using var profile = await client.GetAsync($"api/customers/{conversation.CustomerId}", _cancellation);
            if (!visible && !triages)
            {
                Assert.True(profile.StatusCode == HttpStatusCode.NotFound, $"{caller}: profile of a {conversation.Department} customer is {(int)profile.StatusCode}");
            }
            else
            {
                var shown = (await profile.Content.ReadFromJsonAsync<CustomerProfile>(_cancellation))!;
                Assert.True(visible == shown.Conversations.Any(c => c.Id == conversation.Id), $"{caller}: profile lists a conversation it may not see");
            }
        }
    }
}
