namespace SocialEnterprise.Contracts.Operations;

/// <summary>The health of every part of the system as the Api sees it: what the workspace's System page shows.</summary>
public sealed record SystemStatus(DateTimeOffset CheckedAt, IReadOnlyList<ComponentStatus> Components);

/// <summary>One service or dependency.</summary>
/// <param name="Name">The resource name (<c>api</c>, <c>workers</c>, <c>postgres</c>, <c>cache</c>, ...).</param>
/// <param name="Kind"><c>service</c> or <c>dependency</c>.</param>
/// <param name="Status"><c>Healthy</c>, <c>Degraded</c> or <c>Unhealthy</c>.</param>
public sealed record ComponentStatus(
    string Name,
    string Kind,
    string Status,
    string? Description,
    double? DurationMs = null,
    IReadOnlyList<ComponentInstance>? Instances = null)
{
    public const string Service = "service";
    public const string Dependency = "dependency";
}

public sealed record ComponentInstance(string Instance, string Status, DateTimeOffset StartedAt, DateTimeOffset LastSeenAt);
