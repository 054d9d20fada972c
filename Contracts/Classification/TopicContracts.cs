namespace SocialEnterprise.Contracts.Classification;

public sealed record TopicView(
    string Key, string Name, string Department, IReadOnlyList<string> Keywords, IReadOnlyList<string> BroadKeywords, int Position,
    DateTimeOffset UpdatedAt, string UpdatedBy);

/// <summary>A topic as an admin writes it; <c>BroadKeywords</c> left out keeps the ones the topic has.</summary>
public sealed record TopicRequest(string? Key, string? Name, string? Department, IReadOnlyList<string>? Keywords, IReadOnlyList<string>? BroadKeywords = null);
