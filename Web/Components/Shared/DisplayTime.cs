using System.Globalization;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.ServiceLevels;

namespace SocialEnterprise.Web.Components.Shared;

/// <summary>
/// How the workspace writes a moment, the same on every page: in the viewer's local time, to the minute
/// (<see cref="When(DateTimeOffset)"/>), to the second in logs, or relative ("5 min ago") with the absolute time as its
/// tooltip.
/// </summary>
public static class DisplayTime
{
    public static string When(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm");

    public static string When(DateTimeOffset? at) => at is { } value ? When(value) : "";

    /// <summary>To the second, for logs and audit trails.</summary>
    public static string Exact(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss");

    /// <summary>Only the time of day, for what happened today (a draft saved, a health check).</summary>
    public static string Clock(DateTimeOffset at) => at.ToLocalTime().ToString("HH:mm");

    /// <summary>
    /// Why a customer's message does not count from the time its channel gave it (<see cref="MessageTiming"/>): dated in
    /// the future, or delivered late; null when its date is trusted.
    /// </summary>
    public static string? DeliveryNote(DateTimeOffset occurredAt, DateTimeOffset? receivedAt) => receivedAt switch
    {
        { } received when MessageTiming.DatedInTheFuture(occurredAt, received) && occurredAt - received >= TimeSpan.FromMinutes(1) =>
            $"dated ahead by the channel; counted from its arrival at {When(received)}",
        { } received when MessageTiming.ArrivedLate(occurredAt, received) =>
            $"reached us {ServiceLevelMetrics.Span(received - occurredAt)} after it was written, at {When(received)}; response times count from then",
        _ => null,
    };

    /// <summary>How long ago <paramref name="at"/> was, in the coarsest unit that still says something.</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var elapsed = now - at;
        return elapsed switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)elapsed.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)elapsed.TotalHours} h ago",
            { TotalDays: < 7 } => $"{(int)elapsed.TotalDays} d ago",
            _ => at.ToLocalTime().ToString("d MMM", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The response clock in words: "due in 12 min", "due 14:05", "12 min overdue".</summary>
    public static string Due(DateTimeOffset due, DateTimeOffset now)
    {
        var left = due - now;
        if (left < TimeSpan.Zero)
        {
            var over = -left;
            return over.TotalHours < 1 ? $"{Math.Max(1, (int)over.TotalMinutes)} min overdue"
                : over.TotalDays < 1 ? $"{(int)over.TotalHours} h overdue"
                : $"{(int)over.TotalDays} d overdue";
        }

        return left.TotalHours < 1
            ? $"due in {Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))} min"
            : $"due {due.ToLocalTime().ToString(left.TotalDays < 1 ? "HH:mm" : "d MMM HH:mm", CultureInfo.InvariantCulture)}";
    }
}
