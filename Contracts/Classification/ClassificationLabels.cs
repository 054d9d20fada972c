using System.Collections.Frozen;

namespace SocialEnterprise.Contracts.Classification;

/// <summary>What a customer's message is: the first thing an agent wants to know about it.</summary>
public static class MessageTypes
{
    public const string Question = "question";
    public const string Complaint = "complaint";
    public const string Idea = "idea";
    public const string Praise = "praise";
    public const string Feedback = "feedback";

    /// <summary>Banter, small talk, greetings or spam: no question, complaint, idea, praise or opinion to act on.</summary>
    public const string Other = "other";

    public static readonly FrozenSet<string> All =
        new[] { Question, Complaint, Idea, Praise, Feedback, Other }.ToFrozenSet(StringComparer.Ordinal);
}

public static class SentimentLabels
{
    public const string Negative = "negative";
    public const string Neutral = "neutral";
    public const string Positive = "positive";

    public static readonly FrozenSet<string> All = new[] { Negative, Neutral, Positive }.ToFrozenSet(StringComparer.Ordinal);
}

public static class Urgencies
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
    public const string Critical = "critical";

    public static readonly FrozenSet<string> All = new[] { Low, Normal, High, Critical }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>0 for low up to 3 for critical, so urgencies can be compared and sorted; -1 for anything else.</summary>
    public static int Rank(string urgency) => urgency switch
    {
        Low => 0,
        Normal => 1,
        High => 2,
        Critical => 3,
        _ => -1,
    };

    public static string OfRank(int rank) => Math.Clamp(rank, 0, 3) switch
    {
        0 => Low,
        1 => Normal,
        2 => High,
        _ => Critical,
    };
}

/// <summary>The facets a classification decides, as named in its signals.</summary>
public static class ClassificationFacets
{
    public const string Type = "type";
    public const string Sentiment = "sentiment";
    public const string Topic = "topic";
    public const string Language = "language";
    public const string Urgency = "urgency";

    public static readonly IReadOnlyList<string> All = [Type, Sentiment, Topic, Language, Urgency];
}

/// <summary>The languages the classifier recognises, as ISO 639-1 codes, and <see cref="Undetermined"/> when unsure.</summary>
public static class MessageLanguages
{
    public const string English = "en";
    public const string German = "de";
    public const string French = "fr";
    public const string Spanish = "es";
    public const string Dutch = "nl";
    public const string Italian = "it";
    public const string Portuguese = "pt";
    public const string Undetermined = "und";

    /// <summary>The recognised languages, English first: it breaks ties, being what most customers write in.</summary>
    public static readonly IReadOnlyList<string> Recognised = [English, German, French, Spanish, Dutch, Italian, Portuguese];
}
