namespace SocialEnterprise.Domain.Classification;

/// <summary>
/// A subject customers write about and the department that owns it. <paramref name="Keywords"/> are words or phrases
/// matched case- and accent-insensitively on word boundaries; a trailing '*' matches any ending ("refund*").
/// <paramref name="BroadKeywords"/> name the topic's things ("lamp", "bulb") without saying what about them: they decide
/// the topic only when no topic's keywords are found at all.
/// </summary>
public sealed record Topic(
    string Key, string Name, string Department, IReadOnlyList<string> Keywords, IReadOnlyList<string>? BroadKeywords = null);
