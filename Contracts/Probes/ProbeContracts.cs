namespace SocialEnterprise.Contracts.Probes;

/// <summary>The body of <c>POST /api/probes</c>; who asked defaults to the caller.</summary>
public sealed record ProbeRequest(string? RequestedBy);

/// <summary>A probe as the Api shows it.</summary>
public sealed record ProbeResponse(
    Guid Id, string Status, string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, string? CompletedBy);
