using System.Net;
using System.Net.Http.Json;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Probes;
using SocialEnterprise.Infrastructure.Probes;

namespace SocialEnterprise.Api.IntegrationTests.Access;

// The 413 for oversized bodies is Kestrel's, so the end-to-end tests check it against the real server.
public sealed class HardeningTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        using var client = api.CreateClient();

        using var response = await client.PostAsJsonAsync("api/probes", new ProbeRequest("headers"), _cancellation);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
