using Microsoft.AspNetCore.SignalR;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Infrastructure.Events;

namespace SocialEnterprise.Api.Events;

public static class EventStreamApi
{
    public const string HubPath = "/hubs/events";

    public static IEndpointRouteBuilder MapEventStream(this IEndpointRouteBuilder app)
    {
        app.MapHub<EventStreamHub>(HubPath).RequirePermission(Permission.Read);
        return app;
    }
}

/// <summary>
/// The event log as a SignalR stream: the workspace (and any other consumer) follows it from the last sequence it
/// saw, so a consumer that was away resumes where it left off.
/// </summary>
public sealed class EventStreamHub(EventLogFollower follower) : Hub
{
    /// <summary>The sequence of the newest event, where a consumer with no history starts.</summary>
    public Task<long> Head() => follower.HeadAsync(Context.ConnectionAborted);

    /// <summary>Every event after <paramref name="after"/>, in order, then each new one as it is committed.</summary>
    public IAsyncEnumerable<EventEnvelope> Follow(long after, CancellationToken cancellationToken) =>
        after < 0 ? throw new HubException("after must be 0 or more.") : follower.FollowAsync(after, cancellationToken);
}
