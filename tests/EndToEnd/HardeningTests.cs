using System.Net;
using System.Text;

namespace SocialEnterprise.EndToEnd;

public sealed class HardeningTests(StackFixture stack)
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_body_over_256_KiB_is_refused_by_the_Api_with_413_problem_details()
    {
        using var api = stack.ApiClient();
        var oversized = $$"""{"requestedBy":"{{new string('x', 300 * 1024)}}"}""";

        using var response = await api.PostAsync("api/probes", new StringContent(oversized, Encoding.UTF8, "application/json"), _cancellation);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_workspace_sends_a_strict_content_security_policy()
    {
        using var http = new HttpClient { BaseAddress = stack.Stack.WebUrl };

        using var response = await http.GetAsync("/account/login", _cancellation);

        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
