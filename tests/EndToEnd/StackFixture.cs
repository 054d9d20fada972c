using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Channels;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Shared;
using SocialEnterprise.StackSupport;
using SocialEnterprise.TestSupport;

[assembly: AssemblyFixture(typeof(SocialEnterprise.EndToEnd.StackFixture))]
[assembly: AssemblyFixture(typeof(SocialEnterprise.EndToEnd.BrowserFixture))]

namespace SocialEnterprise.EndToEnd;

/// <summary>
/// The whole system, started through the real AppHost by Aspire.Hosting.Testing (every resource ./run.sh starts, wired the
/// same way), on free ports and a throw-away data folder.
/// </summary>
public sealed class StackFixture : IAsyncLifetime
{
    private string _directory = "";
    private StreamWriter? _log;

    public AspireStack Stack { get; private set; } = null!;

    /// <summary>The development channel sandbox the Workers deliver replies to, through its control surface.</summary>
    public ChannelSandboxClient Channels { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _directory = TestDirectories.New("stack");
        _log = new StreamWriter(Path.Combine(TestDirectories.Root, $"stack-{Environment.ProcessId}.log"), append: true) { AutoFlush = true };
        Stack = await AspireStack.StartAsync(new AspireStackOptions
        {
            DataDirectory = _directory,
            Log = _log,
        }, CancellationToken.None);
        Channels = new ChannelSandboxClient(new HttpClient { BaseAddress = Stack.ChannelsUrl });
    }

    /// <summary>A client of the Api as an integrator holds it: with the stack's key.</summary>
    public HttpClient ApiClient()
    {
        var client = new HttpClient { BaseAddress = Stack.ApiUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessSettings.DevAdminKey);
        return client;
    }

    /// <summary>Posts <paramref name="request"/> as channel <paramref name="channel"/> does, signed with the development secret, and expects it accepted.</summary>
    public async Task IngestAsync(string channel, IngestEventRequest request, CancellationToken cancellationToken)
    {
        using var api = ApiClient();
        using var response = await api.PostEventAsync(channel, request, IngestSettings.DevSecret, cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>
    /// The one conversation whose messages hold <paramref name="word"/> (on <paramref name="channel"/>, when given), once
    /// it is stored — with exactly <paramref name="messages"/> messages, when given.
    /// </summary>
    public async Task<ConversationDetail> ConversationAsync(
        string word, CancellationToken cancellationToken, string? channel = null, int? messages = null)
    {
        using var api = ApiClient();
        ConversationDetail? detail = null;
        await Eventually.TrueAsync(async () =>
        {
            var page = await api.GetFromJsonAsync<ConversationPage>(
                $"api/conversations?q={word}{(channel is null ? "" : $"&channel={channel}")}", cancellationToken);
            if (page!.Total != 1)
            {
                return false;
            }

            detail = await api.GetFromJsonAsync<ConversationDetail>($"api/conversations/{page.Items[0].Id}", cancellationToken);
            return messages is null || detail!.Messages.Count == messages;
        }, cancellationToken, TimeSpan.FromSeconds(30));
        return detail!;
    }

    /// <summary>Lower-case letters only, so that full-text search keeps a marker word whole.</summary>
    public static string Letters(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('a' + Random.Shared.Next(26))));

    public async ValueTask DisposeAsync()
    {
        if (Stack is not null)
        {
            await Stack.DisposeAsync();
        }

        if (_log is not null)
        {
            await _log.DisposeAsync();
        }

        TestDirectories.Delete(_directory);
    }
}
