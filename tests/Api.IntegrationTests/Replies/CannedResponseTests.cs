using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Replies;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Audit;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Api.IntegrationTests.Replies;

/// <summary>Canned responses: who writes them, who uses them, and what they read like once filled in.</summary>
public sealed class CannedResponseTests(RepliesFixture fixture) : IClassFixture<RepliesFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Managers_write_for_their_departments_admins_for_everyone_agents_only_use_them_and_every_change_is_audited()
    {
        var (_, samToken) = await fixture.DemoStaffAsync("support.manager", _cancellation);
        var (_, adaToken) = await fixture.DemoStaffAsync("admin", _cancellation);
        var (_, alexToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        using var sam = fixture.CreateClient(samToken);
        using var ada = fixture.CreateClient(adaToken);
        using var alex = fixture.CreateClient(alexToken);
        var word = Replying.NewWord();

        var support = await CreateAsync(sam, new CannedResponseRequest($"Support {word}", "Hi {{customer.firstName}}!", "support", $"s-{word}"));
        using (var forLegal = await sam.PostAsJsonAsync("api/canned-responses", new CannedResponseRequest("Legal", "Hi", "legal", $"l-{word}"), _cancellation))
        {
            await forLegal.ProblemAsync(HttpStatusCode.Forbidden, _cancellation);
        }

        using (var forEveryone = await sam.PostAsJsonAsync("api/canned-responses", new CannedResponseRequest("All", "Hi", null, $"a-{word}"), _cancellation))
        {
            await forEveryone.ProblemAsync(HttpStatusCode.Forbidden, _cancellation);
        }

        using (var byAgent = await alex.PostAsJsonAsync("api/canned-responses", new CannedResponseRequest("Mine", "Hi", "support", $"m-{word}"), _cancellation))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        }

        var everyone = await CreateAsync(ada, new CannedResponseRequest($"Everyone {word}", "Thanks, {{ customer.name }}.", null, $"e-{word}"));
        var legal = await CreateAsync(ada, new CannedResponseRequest($"Legal {word}", "Dear {{customer.name}}", "legal", $"l-{word}"));

        var listed = (await alex.GetFromJsonAsync<List<CannedResponseView>>($"api/canned-responses?q={word}", _cancellation))!;
        Assert.Equal([everyone.Id, support.Id], listed.Select(c => c.Id));
        Assert.Contains((await ada.GetFromJsonAsync<List<CannedResponseView>>($"api/canned-responses?q={word}", _cancellation))!, c => c.Id == legal.Id);
        Assert.Single((await alex.GetFromJsonAsync<List<CannedResponseView>>($"api/canned-responses?q=s-{word}", _cancellation))!);

        using (var changed = await sam.PutAsJsonAsync(
                   $"api/canned-responses/{support.Id}", new CannedResponseRequest($"Support {word}", "Hello {{customer.firstName}}", "support", $"s-{word}"), _cancellation))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        using (var notTheirs = await sam.PutAsJsonAsync(
                   $"api/canned-responses/{legal.Id}", new CannedResponseRequest("Legal", "Hi", "support", $"l-{word}"), _cancellation))
        {
            await notTheirs.ProblemAsync(HttpStatusCode.Forbidden, _cancellation);
        }

        using (var deleted = await sam.DeleteAsync($"api/canned-responses/{support.Id}", _cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await using var db = fixture.NewDbContext();
        var target = $"canned-response/{support.Id}";
        Assert.Equal(
            [AuditActions.CannedResponseCreated, AuditActions.CannedResponseChanged, AuditActions.CannedResponseDeleted],
            await db.AuditLog.Where(a => a.Target == target).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(_cancellation));
        Assert.False(await db.CannedResponses.AnyAsync(c => c.Id == support.Id, _cancellation));
    }

    [Fact]
    public async Task An_unknown_variable_a_taken_shortcut_and_other_bad_fields_are_named()
    {
        var (_, adaToken) = await fixture.DemoStaffAsync("admin", _cancellation);
        using var ada = fixture.CreateClient(adaToken);
        var word = Replying.NewWord();
        await CreateAsync(ada, new CannedResponseRequest("Taken", "Hi", null, $"t-{word}"));

        using (var unknown = await ada.PostAsJsonAsync(
                   "api/canned-responses", new CannedResponseRequest("Nick", "Hi {{customer.nickname}}", null, $"n-{word}"), _cancellation))
        {
            var problem = await unknown.ProblemAsync(HttpStatusCode.BadRequest, _cancellation);
            var text = problem.GetProperty("errors").GetProperty("text")[0].GetString();
            Assert.Contains("{{customer.nickname}}", text, StringComparison.Ordinal);
        }

        using (var taken = await ada.PostAsJsonAsync("api/canned-responses", new CannedResponseRequest("Again", "Hi", null, $"t-{word}"), _cancellation))
        {
            Assert.Equal(["shortcut"], await taken.FieldsAsync(_cancellation));
        }

        using (var bad = await ada.PostAsJsonAsync("api/canned-responses", new CannedResponseRequest(" ", " ", "nowhere", "Has Spaces"), _cancellation))
        {
            Assert.Equal(["department", "name", "shortcut", "text"], (await bad.FieldsAsync(_cancellation)).Order(StringComparer.Ordinal));
        }

        await using var db = fixture.NewDbContext();
        Assert.False(await db.CannedResponses.AnyAsync(c => c.Shortcut == $"n-{word}", _cancellation));
    }

    [Fact]
    public async Task Rendering_fills_in_the_customer_the_agent_the_channel_and_the_department_for_those_who_may_use_it()
    {
        var (conversation, _, _) = await fixture.OpenAsync($"Where is my parcel {Replying.NewWord()}", _cancellation);
        var (_, adaToken) = await fixture.DemoStaffAsync("admin", _cancellation);
        var (_, alexToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        using var ada = fixture.CreateClient(adaToken);
        using var alex = fixture.CreateClient(alexToken);
        var word = Replying.NewWord();
        var canned = await CreateAsync(ada, new CannedResponseRequest(
            $"Hello {word}", "Hi {{customer.firstName}} ({{customer.name}}), {{agent.firstName}} of {{department}} here on {{conversation.channel}}. — {{agent.name}}",
            "support", $"h-{word}"));
        var legal = await CreateAsync(ada, new CannedResponseRequest($"Legal {word}", "Dear {{customer.name}}", "legal", $"lg-{word}"));

        using var rendered = await alex.PostAsync($"api/conversations/{conversation.Id}/canned-responses/{canned.Id}/render", null, _cancellation);
        Assert.Equal(HttpStatusCode.OK, rendered.StatusCode);
        Assert.Equal(
            "Hi Robin (Robin Customer), Alex of Support here on x. — Alex Agent",
            (await rendered.Content.ReadFromJsonAsync<RenderedCannedResponse>(_cancellation))!.Text);

        using var notTheirs = await alex.PostAsync($"api/conversations/{conversation.Id}/canned-responses/{legal.Id}/render", null, _cancellation);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
    }

    [Fact]
    public async Task The_demo_company_has_canned_responses_whose_variables_are_all_known()
    {
        var (_, alexToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        using var alex = fixture.CreateClient(alexToken);
        var listed = (await alex.GetFromJsonAsync<List<CannedResponseView>>("api/canned-responses", _cancellation))!;
        Assert.Contains(listed, c => c.Shortcut == "thanks");
        Assert.Contains(listed, c => c.Shortcut == "refund-started");
        Assert.DoesNotContain(listed, c => c.Shortcut == "privacy-request");
        Assert.All(CannedResponseSeeder.Demo, seed => Assert.Empty(CannedResponseTemplate.Problems(seed.Text)));
    }

    private async Task<CannedResponseView> CreateAsync(HttpClient client, CannedResponseRequest request)
    {
        using var response = await client.PostAsJsonAsync("api/canned-responses", request, _cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(_cancellation)}");
        return (await response.Content.ReadFromJsonAsync<CannedResponseView>(_cancellation))!;
    }
}
