using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Access;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Staff;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Listening;

/// <summary>
/// The Api plus what the Workers run to carry its events, on one database: tests post signed events, carry them when
/// they choose, and read the results through the Api.
/// </summary>
public class ListeningFixture(PostgresFixture postgres, RedisFixture redis) : ApiFixture(postgres, redis)
{
    private IHost? _intake;

    public IngestCarrier Carrier => (_intake ?? throw new InvalidOperationException("Not started.")).Carrier();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // A short reopen window, so that "after the window" needs no waiting.
        _intake = ListeningHost.Create(DatabaseConnectionString, settings: new Dictionary<string, string?>
        {
            ["Intake:ReopenWindow"] = "00:00:05",
            ["Intake:ParentWait"] = "00:00:00.100",
        }, cacheConnectionString: CacheConnectionString);
    }

    /// <summary>Posts an event as its channel would and expects it accepted.</summary>
    public async Task<Guid> IngestAsync(string channel, IngestEventRequest request, CancellationToken cancellationToken)
    {
        using var client = CreateClient(key: null);
        using var response = await client.PostEventAsync(channel, request, ApiFixture.ChannelSecret, cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IngestAccepted>(cancellationToken))!.Id;
    }

    /// <summary>Carries until no event is waiting (deferred replies included), as the Workers would.</summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (true)
        {
            var result = await Carrier.CarryBatchAsync(cancellationToken);
            if (result.Claimed > 0)
            {
                continue;
            }

            await using var db = NewDbContext();
            if (!await db.IngestEvents.AnyAsync(e => e.Status == IngestEventStatuses.Pending, cancellationToken) || DateTimeOffset.UtcNow > deadline)
            {
                return;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public async Task<Guid> ConversationOfAsync(Guid ingestEventId, CancellationToken cancellationToken)
    {
        await using var db = NewDbContext();
        var ingestEvent = await db.IngestEvents.SingleAsync(e => e.Id == ingestEventId, cancellationToken);
        Assert.True(ingestEvent.Status == IngestEventStatuses.Processed, $"{ingestEvent.Status}: {ingestEvent.FilterReason ?? ingestEvent.LastError}");
        return ingestEvent.ConversationId!.Value;
    }

    public async Task<ConversationDetail> ConversationAsync(Guid id, CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        return (await client.GetFromJsonAsync<ConversationDetail>($"api/conversations/{id}", cancellationToken))!;
    }

    /// <summary>A seeded demo staff member (see <see cref="DemoCompany"/>): their id and a token as the workspace would issue it.</summary>
    public async Task<(Guid Id, string Token)> DemoStaffAsync(string name, CancellationToken cancellationToken)
    {
        var staff = DemoCompany.Staff.Single(member => member.Name == name);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var db = NewDbContext();
            var id = await db.Users.Where(u => u.Email == staff.Email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
            if (id is { } found)
            {
                return (found, ApiFixture.Tokens.IssueFor(
                    CallerKind.Staff, found.ToString(), staff.Email, staff.DisplayName, [staff.Role], [.. staff.Departments]));
            }

            // The Api seeds the demo company as it starts.
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{name} was not seeded");
            await Task.Delay(100, cancellationToken);
        }
    }

    public static string Staff(Guid id, string role, params string[] departments) =>
        ApiFixture.Tokens.IssueFor(CallerKind.Staff, id.ToString(), $"{role}-{id:N}@example.test", $"A {role}", [role], departments);

    public override async ValueTask DisposeAsync()
    {
        _intake?.Dispose();
        await base.DisposeAsync();
    }
}
