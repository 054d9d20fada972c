using System.Globalization;

namespace SocialEnterprise.Web.Components.Inbox;

/// <summary>How the inbox writes its counts and times.</summary>
public static class InboxText
{
    /// <summary>A count as the Api reports it: past the cap it reads "1,000+".</summary>
    public static string Count(int count, bool capped) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + (capped ? "+" : "");

    public static string Conversations(int count, bool capped) =>
        $"{Count(count, capped)} {(count == 1 && !capped ? "conversation" : "conversations")}";

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
