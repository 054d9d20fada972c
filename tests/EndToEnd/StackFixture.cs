using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.LocalRunner;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;

[assembly: AssemblyFixture(typeof(SocialEnterprise.EndToEnd.StackFixture))]
[assembly: AssemblyFixture(typeof(SocialEnterprise.EndToEnd.BrowserFixture))]

namespace SocialEnterprise.EndToEnd;

/// <summary>
/// The whole system, started by the local runner's own code exactly as ./run.sh starts it, but on free ports and a
/// throw-away data folder.
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    private string _directory = "";

    public LocalStack Stack { get; private set; } = null!;

    /// <summary>The build configuration of these tests, whose service builds the stack runs.</summary>
    public static string Configuration =>
        typeof(StackFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static LocalStackOptions Options(string dataDirectory) =>
        LocalStackOptions.OnFreePorts(RepositoryRoot.Find(AppContext.BaseDirectory), dataDirectory, Configuration, durable: false) with
        {
            // Every browser test signs in from 127.0.0.1; the rate limit itself is tested from another address.
            AdditionalEnvironment = new Dictionary<string, string> { ["SignIn__AttemptsPerMinute"] = "60" },
        };

    public async ValueTask InitializeAsync()
    {
        _directory = TestDirectories.New("stack");
        Stack = await LocalStack.StartAsync(Options(_directory), TestLog.Instance, CancellationToken.None);
    }

    /// <summary>A client of the Api as an integrator holds it: with the stack's key.</summary>
    public HttpClient ApiClient()
    {
        var client = new HttpClient { BaseAddress = Stack.ApiUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessSettings.DevAdminKey);
        return client;
    }

    /// <summary>Posts <paramref name="request"/> as channel <paramref name="channel"/> does, signed with the runner's development secret, and expects it accepted.</summary>
    public async Task IngestAsync(string channel, IngestEventRequest request, CancellationToken cancellationToken)
    {
        using var api = ApiClient();
        using var response = await api.PostEventAsync(channel, request, IngestSettings.DevSecret, cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Lower-case letters only, so that full-text search keeps a marker word whole.</summary>
    public static string Letters(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('a' + Random.Shared.Next(26))));

    public async ValueTask DisposeAsync()
    {
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }

        TestDirectories.Delete(_directory);
    }
}
