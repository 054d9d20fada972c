using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Listening;

/// <summary>Every answer of <c>POST /api/ingest/{channel}</c>, as an integrator relies on it.</summary>
public sealed class IngestContractTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Secret = ApiFixture.ChannelSecret;

    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("x", "mention")]
    [InlineData("facebook", "comment")]
    [InlineData("linkedin", "post")]
    [InlineData("reviews", "review")]
    [InlineData("community", "post")]
    [InlineData("email", "email")]
    [InlineData("chat", "chat")]
    public async Task An_event_is_accepted_once_it_is_stored_and_again_as_a_duplicate(string channel, string kind)
    {
        using var client = api.CreateClient(key: null);
        var request = ChannelEvents.Event("Where is my order #1234?", kind: kind);

        using var first = await client.PostEventAsync(channel, request, Secret, _cancellation);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var accepted = await first.Content.ReadFromJsonAsync<IngestAccepted>(_cancellation);
        Assert.False(accepted!.Duplicate);

        await using (var db = api.NewDbContext())
        {
            var stored = await db.IngestEvents.SingleAsync(e => e.Id == accepted.Id, _cancellation);
            Assert.Equal((channel, request.ExternalId, IngestEventStatuses.Pending), (stored.Channel, stored.ExternalId, stored.Status));
            Assert.Equal(request.Text, stored.Request().Text);
        }

        using var again = await client.PostEventAsync(channel, request with { Text = "changed on the second delivery" }, Secret, _cancellation);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(new IngestAccepted(accepted.Id, true), await again.Content.ReadFromJsonAsync<IngestAccepted>(_cancellation));

        await using (var db = api.NewDbContext())
        {
            var rows = await db.IngestEvents.Where(e => e.Channel == channel && e.ExternalId == request.ExternalId).ToListAsync(_cancellation);
            Assert.Equal(request.Text, Assert.Single(rows).Request().Text);
        }
    }

    [Fact]
    public async Task The_same_external_id_on_another_channel_is_another_event()
    {
        using var client = api.CreateClient(key: null);
        var request = ChannelEvents.Event("Same id, other channel");

        using var onX = await client.PostEventAsync("x", request, Secret, _cancellation);
        using var onFacebook = await client.PostEventAsync("facebook", request, Secret, _cancellation);

        Assert.Equal(HttpStatusCode.Accepted, onX.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, onFacebook.StatusCode);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_event_store_it_once()
    {
        using var client = api.CreateClient(key: null);
        var request = ChannelEvents.Event("Delivered by three retries at once");

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => client.PostEventAsync("x", request, Secret, _cancellation)));
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<IngestAccepted>(_cancellation)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK));
        Assert.Single(answers.Select(a => a!.Id).Distinct());
        await using var db = api.NewDbContext();
        Assert.Equal(1, await db.IngestEvents.CountAsync(e => e.ExternalId == request.ExternalId, _cancellation));
    }

    [Fact]
    public async Task An_unknown_channel_is_404_with_problem_details()
    {
        using var client = api.CreateClient(key: null);

        using var response = await client.PostEventAsync("myspace", ChannelEvents.Event("hello"), Secret, _cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_missing_or_wrong_signature_is_401_and_nothing_is_stored()
    {
        using var client = api.CreateClient(key: ApiFixture.Key);
        var request = ChannelEvents.Event("signed badly");
        var body = ChannelEvents.Json(request);
        var cases = new (string Name, string? Signature, string Secret)[]
        {
            ("no header", "", Secret),
            ("not sha256=", "md5=abc", Secret),
            ("not hex", "sha256=" + new string('z', 64), Secret),
            ("too short", "sha256=abcd", Secret),
            ("another secret", null, "someone-elses-secret"),
            ("another body", IngestSignature.Sign(Secret, Encoding.UTF8.GetBytes(body + " ")), Secret),
            ("upper-case prefix", IngestSignature.Sign(Secret, Encoding.UTF8.GetBytes(body)).Replace("sha256=", "SHA256=", StringComparison.Ordinal), Secret),
            ("upper-case hex of the right digest", "sha256=" + IngestSignature.Sign(Secret, Encoding.UTF8.GetBytes(body))[7..].ToUpperInvariant(), Secret),
        };

        foreach (var (name, signature, secret) in cases)
        {
            using var response = signature == ""
                ? await client.PostAsync("api/ingest/x", new StringContent(body, Encoding.UTF8, "application/json"), _cancellation)
                : await client.PostSignedAsync("x", body, secret, _cancellation, signature);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        await using var db = api.NewDbContext();
        Assert.False(await db.IngestEvents.AnyAsync(e => e.ExternalId == request.ExternalId, _cancellation));
    }

    [Fact]
    public async Task Malformed_json_is_400_naming_the_body()
    {
        using var client = api.CreateClient(key: null);

        foreach (var body in new[] { "", "{", "not json", "[1,2]", "null", "{\"externalId\": }" })
        {
            using var response = await client.PostSignedAsync("x", body, Secret, _cancellation);
            var problem = await ProblemAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"'{body}': {(int)response.StatusCode}");
            Assert.NotEmpty(problem.Errors);
        }
    }

    [Fact]
    public async Task Every_missing_field_is_named_at_once()
    {
        using var client = api.CreateClient(key: null);

        using var response = await client.PostSignedAsync("x", "{}", Secret, _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(["author", "externalId", "kind", "occurredAt", "text"], problem.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"kind":"tweet"}""", "kind")]
    [InlineData("""{"author":{"handle":"","displayName":"A"}}""", "author.handle")]
    [InlineData("""{"author":{"handle":"a","displayName":"A","email":"not-an-email"}}""", "author.email")]
    [InlineData("""{"author":{"handle":"a","displayName":"A","followers":-5}}""", "author.followers")]
    [InlineData("""{"author":{"handle":"a","displayName":"A","followers":"many"}}""", "author.followers")]
    [InlineData("""{"author":{"handle":"a","displayName":"A","links":[{"channel":"myspace","handle":"a"}]}}""", "author.links[0].channel")]
    [InlineData("""{"occurredAt":"yesterday"}""", "occurredAt")]
    [InlineData("""{"occurredAt":"2999-01-01T00:00:00Z"}""", "occurredAt")]
    [InlineData("""{"url":"javascript:alert(1)"}""", "url")]
    [InlineData("""{"rating":6}""", "rating")]
    [InlineData("""{"text":"nul \u0000 inside"}""", "text")]
    [InlineData("""{"text":"   "}""", "text")]
    [InlineData("""{"externalId":42}""", "externalId")]
    public async Task An_invalid_field_is_400_naming_it(string overrides, string field)
    {
        using var client = api.CreateClient(key: null);
        var body = Merge(ChannelEvents.Json(ChannelEvents.Event("valid text")), overrides);

        using var response = await client.PostSignedAsync("x", body, Secret, _cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await ProblemAsync(response)).Errors.Keys);
    }

    [Fact]
    public async Task A_body_over_256_KiB_is_413_and_one_just_under_is_judged_on_its_fields()
    {
        using var client = api.CreateClient(key: null);
        var large = ChannelEvents.Json(ChannelEvents.Event(new string('a', 300 * 1024)));
        var underLimit = ChannelEvents.Json(ChannelEvents.Event(new string('a', 250 * 1024)));

        using var tooLarge = await client.PostSignedAsync("x", large, Secret, _cancellation);
        using var under = await client.PostSignedAsync("x", underLimit, Secret, _cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
        // Under the size limit, but over the text limit: a field error, not a size error.
        Assert.Equal(HttpStatusCode.BadRequest, under.StatusCode);
        Assert.Contains("text", (await ProblemAsync(under)).Errors.Keys);
    }

    [Fact]
    public async Task No_input_makes_a_server_error()
    {
        using var client = api.CreateClient(key: null);
        var random = new Random(20261124);
        var valid = ChannelEvents.Json(ChannelEvents.Event("a fine message"));
        var bodies = new List<string>
        {
            """{"externalId":"x","kind":"mention","author":null,"text":"t","occurredAt":"2026-01-01T00:00:00Z"}""",
            """{"externalId":"x","kind":"mention","author":{"handle":"a","displayName":"A","links":[null]},"text":"t","occurredAt":"2026-01-01T00:00:00Z"}""",
            """{"externalId":"x","kind":"mention","author":{"handle":"a","displayName":"A","followers":99999999999},"text":"t","occurredAt":"2026-01-01T00:00:00Z"}""",
            "\"just a string\"",
            "{\"text\":\"\\uD800\"}",
            new string('[', 5000),
        };
        for (var i = 0; i < 150; i++)
        {
            // Corrupt a valid body: cut it, flip characters, splice in garbage.
            var chars = valid.ToCharArray();
            for (var flips = random.Next(1, 6); flips > 0; flips--)
            {
                chars[random.Next(chars.Length)] = (char)random.Next(0, 0x3000);
            }

            bodies.Add(new string(chars, 0, random.Next(1, chars.Length + 1)));
        }

        foreach (var body in bodies)
        {
            using var response = await client.PostSignedAsync(IngestChannels.All.ElementAt(random.Next(IngestChannels.All.Count)), body, Secret, _cancellation);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {body[..Math.Min(body.Length, 120)]}");
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_webhook()
    {
        using var client = api.CreateClient(key: null);

        var document = await client.GetStringAsync("openapi/v1.json", _cancellation);

        var operation = JsonDocument.Parse(document).RootElement.GetProperty("paths").GetProperty("/api/ingest/{channel}").GetProperty("post");
        Assert.Contains(operation.GetProperty("parameters").EnumerateArray(),
            parameter => parameter.GetProperty("name").GetString() == "X-Signature-256" && parameter.GetProperty("in").GetString() == "header");
        var answers = operation.GetProperty("responses").EnumerateObject().Select(response => response.Name).ToList();
        Assert.All(new[] { "200", "202", "400", "401", "404", "413", "429" }, status => Assert.Contains(status, answers));
    }

    private static string Merge(string json, string overrides)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        foreach (var (key, value) in System.Text.Json.Nodes.JsonNode.Parse(overrides)!.AsObject())
        {
            node[key] = value?.DeepClone();
        }

        return node.ToJsonString();
    }

    private async Task<ValidationProblemBody> ProblemAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(_cancellation);
        return JsonSerializer.Deserialize<ValidationProblemBody>(text, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? new();
    }

    private sealed record ValidationProblemBody
    {
        public Dictionary<string, string[]> Errors { get; init; } = [];
    }
}
