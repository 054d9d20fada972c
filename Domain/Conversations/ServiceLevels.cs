using System.ComponentModel.DataAnnotations;

namespace SocialEnterprise.Domain.Conversations;

/// <summary>
/// How long a customer may wait for an answer, per priority: configuration section <c>ResponseTargets</c>. A
/// conversation's clock runs while it is open and stops while it waits on the customer or is resolved.
/// </summary>
public sealed class ResponseTargets
{
    public const string Section = "ResponseTargets";

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Urgent { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan High { get; set; } = TimeSpan.FromHours(4);

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Normal { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Low { get; set; } = TimeSpan.FromHours(72);

    public TimeSpan For(string priority) => priority switch
    {
        Priorities.Urgent => Urgent,
        Priorities.High => High,
        Priorities.Low => Low,
        _ => Normal,
    };
}

/// <summary>Where a conversation stands against its response target.</summary>
public static class ServiceLevelStates
{
    /// <summary>Nobody owes the customer an answer (pending or resolved).</summary>
    public const string None = "none";

    public const string OnTrack = "on-track";

    /// <summary>More than 80 % of the target is used.</summary>
    public const string AtRisk = "at-risk";

    public const string Breached = "breached";

    public static readonly IReadOnlyList<string> All = [OnTrack, AtRisk, Breached, None];

    public static string Of(DateTimeOffset? warnAt, DateTimeOffset? dueAt, DateTimeOffset now) =>
        dueAt is null ? None : now >= dueAt ? Breached : warnAt is { } warn && now >= warn ? AtRisk : OnTrack;
}
