using System.Globalization;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.ServiceLevels;

namespace SocialEnterprise.Web.Components.Shared;

/// <summary>
/// How the workspace writes a moment, the same on every page and in the reader's own time zone (their browser's, sent
/// in the <see cref="Cookie"/> cookie and cascaded from the root): to the minute (<see cref="When(DateTimeOffset)"/>),
/// to the second in logs, or relative ("5 min ago") with the absolute time as its tooltip.
/// </summary>
public sealed class ReaderTime(TimeZoneInfo zone)
{
    /// <summary>The cookie the browser keeps its IANA time zone in (<c>workspace.js</c> writes it on every page load).</summary>
    public const string Cookie = "reader-tz";

    /// <summary>The server's own zone, for a reader whose browser has not said (and for components rendered alone in tests).</summary>
    public static readonly ReaderTime Server = new(TimeZoneInfo.Local);

    public TimeZoneInfo Zone => zone;

    /// <summary>The reader's zone by its IANA id (<c>Europe/Paris</c>); the server's when missing or unknown.</summary>
    public static ReaderTime For(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && timeZoneId.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found)
            ? new ReaderTime(found)
            : Server;

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone);

    public string When(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string When(DateTimeOffset? at) => at is { } value ? When(value) : "";

    /// <summary>To the second, for logs and audit trails.</summary>
    public string Exact(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Only the time of day, for what happened today (a draft saved, a health check).</summary>
    public string Clock(DateTimeOffset at) => Local(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The time of day to the second, for health checks seen a moment ago.</summary>
    public string ClockSeconds(DateTimeOffset at) => Local(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>To the millisecond, for the operators' event stream.</summary>
    public string Precise(DateTimeOffset at) => Local(at).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>
    /// Why a customer's message does not count from the time its channel gave it (<see cref="MessageTiming"/>): dated in
    /// the future, or delivered late; null when its date is trusted.
    /// </summary>
    public string? DeliveryNote(DateTimeOffset occurredAt, DateTimeOffset? receivedAt) => receivedAt switch
    {
        { } received when MessageTiming.DatedInTheFuture(occurredAt, received) && occurredAt - received >= TimeSpan.FromMinutes(1) =>
            $"dated ahead by the channel; counted from its arrival at {When(received)}",
        { } received when MessageTiming.ArrivedLate(occurredAt, received) =>
            $"reached us {ServiceLevelMetrics.Span(received - occurredAt)} after it was written, at {When(received)}; response times count from then",
        _ => null,
    };

    /// <summary>How long ago <paramref name="at"/> was, in the coarsest unit that still says something.</summary>
    public string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var elapsed = now - at;
        return elapsed switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)elapsed.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)elapsed.TotalHours} h ago",
            { TotalDays: < 7 } => $"{(int)elapsed.TotalDays} d ago",
            _ => Local(at).ToString("d MMM", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// The response clock in words: "due in 12 min", "due 14:05" (today, where the reader is), "due tomorrow 09:00",
    /// "due 9 Dec 09:00", "12 min overdue".
    /// </summary>
    public string Due(DateTimeOffset due, DateTimeOffset now)
    {
        var left = due - now;
        if (left < TimeSpan.Zero)
        {
            var over = -left;
            return over.TotalHours < 1 ? $"{Math.Max(1, (int)over.TotalMinutes)} min overdue"
                : over.TotalDays < 1 ? $"{(int)over.TotalHours} h overdue"
                : $"{(int)over.TotalDays} d overdue";
        }

        if (left.TotalHours < 1)
        {
            return $"due in {Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))} min";
        }

        var local = Local(due);
        var today = Local(now).Date;
        var day = local.Date == today ? ""
            : local.Date == today.AddDays(1) ? "tomorrow "
            : local.ToString("d MMM ", CultureInfo.InvariantCulture);
        return $"due {day}{local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }
}
