using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Probes;
using SocialEnterprise.Infrastructure.Probes;

namespace SocialEnterprise.Api.IntegrationTests.Probes;

public sealed class ProbesApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_callers_get_nothing()
    {
        using var client = api.CreateClient(key: null);

        using var post = await client.PostAsJsonAsync("api/probes", new ProbeRequest(null), _cancellation);
        using var list = await client.GetAsync("api/probes", _cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal("application/problem+json", list.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_key_is_refused()
    {
        using var client = api.CreateClient(key: "not-the-key");

        using var response = await client.GetAsync("api/probes", _cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_probe_is_stored_before_it_is_acknowledged()
    {
        using var client = api.CreateClient();

        using var response = await client.PostAsJsonAsync("api/probes", new ProbeRequest("ops on call"), _cancellation);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var probe = await response.Content.ReadFromJsonAsync<ProbeResponse>(_cancellation);
        Assert.NotNull(probe);
        Assert.Equal("ops on call", probe.RequestedBy);
        Assert.Equal($"/api/probes/{probe.Id}", response.Headers.Location?.OriginalString);

        await using var db = api.NewDbContext();
        var stored = await db.PipelineProbes.FindAsync([probe.Id], _cancellation);
        Assert.NotNull(stored);
        Assert.Contains(db.EventLog, entry => entry.StreamId == PipelineProbeStream.Of(probe.Id) && entry.Type == "PipelineProbeRequested");
    }

    [Fact]
    public async Task Who_asked_defaults_to_the_calling_key()
    {
        using var client = api.CreateClient();

        using var response = await client.PostAsync("api/probes", null, _cancellation);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var probe = await response.Content.ReadFromJsonAsync<ProbeResponse>(_cancellation);
        Assert.Equal(ApiFixture.KeyName, probe?.RequestedBy);
    }

    [Fact]
    public async Task A_probe_can_be_read_back_and_an_unknown_one_is_not_found()
    {
        using var client = api.CreateClient();
        using var created = await client.PostAsJsonAsync("api/probes", new ProbeRequest("reader"), _cancellation);
        var probe = await created.Content.ReadFromJsonAsync<ProbeResponse>(_cancellation);

        var read = await client.GetFromJsonAsync<ProbeResponse>($"api/probes/{probe!.Id}", _cancellation);
        using var unknown = await client.GetAsync($"api/probes/{Guid.NewGuid()}", _cancellation);

        Assert.Equal(probe.Id, read?.Id);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Recent_probes_come_newest_first()
    {
        using var client = api.CreateClient();
        foreach (var name in new[] { "first", "second", "third" })
        {
            using var _ = await client.PostAsJsonAsync("api/probes", new ProbeRequest(name), _cancellation);
        }

        var recent = await client.GetFromJsonAsync<List<ProbeResponse>>("api/probes?take=3", _cancellation);

        Assert.Equal(["third", "second", "first"], recent!.Select(probe => probe.RequestedBy));
    }

    [Fact]
    public async Task An_overlong_name_is_a_problem_naming_the_field_and_stores_nothing()
    {
        using var client = api.CreateClient();
        var name = new string('x', PipelineProbe.MaxRequestedByLength + 1);
        await using var db = api.NewDbContext();
        var before = db.PipelineProbes.Count();

        using var response = await client.PostAsJsonAsync("api/probes", new ProbeRequest(name), _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(_cancellation);
        Assert.True(problem.GetProperty("errors").TryGetProperty("requestedBy", out _));
        Assert.Equal(before, db.PipelineProbes.Count());
    }

    [Theory]
    [InlineData("api/probes?take=0")]
    [InlineData("api/probes?take=201")]
    public async Task An_out_of_range_page_size_is_a_problem_naming_the_field(string url)
    {
        using var client = api.CreateClient();

        using var response = await client.GetAsync(url, _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(_cancellation);
        Assert.True(problem.GetProperty("errors").TryGetProperty("take", out _));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"requestedBy\": 42}")]
    public async Task Malformed_bodies_are_bad_requests_with_problem_details(string body)
    {
        using var client = api.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("api/probes", content, _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
