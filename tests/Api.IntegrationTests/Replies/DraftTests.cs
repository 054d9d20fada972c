using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Replies;

namespace SocialEnterprise.Api.IntegrationTests.Replies;

/// <summary>The shared reply draft: colleagues write it together, and nobody's words are silently overwritten.</summary>
public sealed class DraftTests(RepliesFixture fixture) : IClassFixture<RepliesFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_save_on_an_older_draft_version_is_refused_with_the_current_draft_and_sending_empties_it()
    {
        var (conversation, _, _) = await fixture.OpenAsync($"My parcel is lost {Replying.NewWord()}", _cancellation);
        var (alexId, alexToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        var (_, jordanToken) = await fixture.DemoStaffAsync("agent2", _cancellation);
        using var alex = fixture.CreateClient(alexToken);
        using var jordan = fixture.CreateClient(jordanToken);
        var url = $"api/conversations/{conversation.Id}/draft";

        var empty = (await jordan.GetFromJsonAsync<DraftView>(url, _cancellation))!;
        Assert.Equal((0, "", ReplyVisibilities.Public, (string?)null), (empty.Version, empty.Text, empty.Visibility, empty.UpdatedByName));

        var first = await SaveAsync(alex, url, new SaveDraftRequest("Hi Robin, we are", "public", 0));
        Assert.Equal((1, alexId, "Alex Agent"), (first.Version, first.UpdatedById, first.UpdatedByName));

        // Jordan still has version 0 in front of them: their save would overwrite Alex's words.
        using (var stale = await jordan.PutAsJsonAsync(url, new SaveDraftRequest("Hello Robin", "public", 0), _cancellation))
        {
            var problem = await stale.ProblemAsync(HttpStatusCode.Conflict, _cancellation);
            Assert.Contains("Alex Agent saved the draft", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var current = problem.GetProperty("current");
            Assert.Equal(("Hi Robin, we are", 1), (current.GetProperty("text").GetString(), current.GetProperty("version").GetInt32()));
        }

        var second = await SaveAsync(jordan, url, new SaveDraftRequest("Hi Robin, we are on it.", "private", 1));
        Assert.Equal((2, "Jordan Agent", "private"), (second.Version, second.UpdatedByName, second.Visibility));
        Assert.Equal("Hi Robin, we are on it.", (await alex.GetFromJsonAsync<DraftView>(url, _cancellation))!.Text);

        await using (var db = fixture.NewDbContext())
        {
            var stream = ConversationStream.Of(conversation.Id);
            Assert.Equal(2, await db.EventLog.CountAsync(e => e.StreamId == stream && e.Type == "ReplyDraftSaved", _cancellation));
        }

        using (var sent = await alex.SendAsync(conversation.Id, second.Text, conversation.Version, _cancellation, ReplyVisibilities.Private))
        {
            await sent.SentAsync(_cancellation);
        }

        var cleared = (await alex.GetFromJsonAsync<DraftView>(url, _cancellation))!;
        Assert.Equal(("", 3), (cleared.Text, cleared.Version));
    }

    [Fact]
    public async Task Two_first_saves_at_once_leave_one_draft_and_one_conflict()
    {
        var (conversation, _, _) = await fixture.OpenAsync($"Parcel? {Replying.NewWord()}", _cancellation);
        var (_, alexToken) = await fixture.DemoStaffAsync("agent", _cancellation);
        var (_, jordanToken) = await fixture.DemoStaffAsync("agent2", _cancellation);
        using var alex = fixture.CreateClient(alexToken);
        using var jordan = fixture.CreateClient(jordanToken);
        var url = $"api/conversations/{conversation.Id}/draft";

        var responses = await Task.WhenAll(
            alex.PutAsJsonAsync(url, new SaveDraftRequest("Alex writes", "public", 0), _cancellation),
            jordan.PutAsJsonAsync(url, new SaveDraftRequest("Jordan writes", "public", 0), _cancellation));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, (await alex.GetFromJsonAsync<DraftView>(url, _cancellation))!.Version);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Bad_saves_name_the_field_and_a_discard_empties_the_draft()
    {
        var (conversation, _, _) = await fixture.OpenAsync($"My parcel never arrived, where is it? {Replying.NewWord()}", _cancellation);
        var (_, token) = await fixture.DemoStaffAsync("agent", _cancellation);
        using var agent = fixture.CreateClient(token);
        var url = $"api/conversations/{conversation.Id}/draft";

        using (var noVersion = await agent.PutAsJsonAsync(url, new { text = "Hi", visibility = "public" }, _cancellation))
        {
            Assert.Equal(["version"], await noVersion.FieldsAsync(_cancellation));
        }

        using (var badVisibility = await agent.PutAsJsonAsync(url, new SaveDraftRequest("Hi", "shouting", 0), _cancellation))
        {
            Assert.Equal(["visibility"], await badVisibility.FieldsAsync(_cancellation));
        }

        using (var tooLong = await agent.PutAsJsonAsync(url, new SaveDraftRequest(new string('a', ReplyLimits.MaxTextLength + 1), "public", 0), _cancellation))
        {
            Assert.Equal(["text"], await tooLong.FieldsAsync(_cancellation));
        }

        await SaveAsync(agent, url, new SaveDraftRequest("Something", "public", 0));
        using (var discarded = await agent.DeleteAsync(url, _cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, discarded.StatusCode);
        }

        Assert.Equal(("", 2), await agent.GetFromJsonAsync<DraftView>(url, _cancellation) is { } d ? (d.Text, d.Version) : default);
    }

    private async Task<DraftView> SaveAsync(HttpClient client, string url, SaveDraftRequest request)
    {
        using var response = await client.PutAsJsonAsync(url, request, _cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(_cancellation)}");
        return (await response.Content.ReadFromJsonAsync<DraftView>(_cancellation))!;
    }
}
