using System.Globalization;
using SocialEnterprise.Contracts.ServiceLevels;

namespace SocialEnterprise.Web.Components.Admin;

/// <summary>
/// How the service-levels page writes and reads targets, open hours and holidays as text an admin can edit: durations
/// as <c>4h</c>, <c>30m</c>, <c>2d</c> or <c>1h30m</c>; hours one span a line (<c>Mon 09:00-17:00</c>, 24:00 allowed);
/// holidays one a line (<c>2026-12-25 Christmas Day</c>).
/// </summary>
public static class ServiceLevelText
{
    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static string Duration(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add($"{span.Days}d");
        }

        if (span.Hours > 0)
        {
            parts.Add($"{span.Hours}h");
        }

        if (span.Minutes > 0 || parts.Count == 0)
        {
            parts.Add($"{span.Minutes}m");
        }

        return string.Concat(parts);
    }

    /// <summary>A duration such as <c>1h30m</c>; null when it is not one.</summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        var rest = (text ?? "").Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (rest.Length == 0)
        {
            return null;
        }

        var total = TimeSpan.Zero;
        while (rest.Length > 0)
        {
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits == rest.Length || !int.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return null;
            }

            total += rest[digits] switch
            {
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.MinValue,
            };
            if (total < TimeSpan.Zero)
            {
                return null;
            }

            rest = rest[(digits + 1)..];
        }

        return total;
    }

    public static string Hours(IEnumerable<OpenHours> hours) =>
        string.Join('\n', hours.Select(h => $"{Days[(int)h.Day]} {Clock(h.Opens)}-{Clock(h.Closes)}"));

    /// <summary>Open hours, one span a line; the line numbers (from 1) that are not spans.</summary>
    public static (List<OpenHours> Hours, List<int> Bad) ParseHours(string? text) => ParseLines(text, line =>
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var day = parts.Length == 2 ? Array.FindIndex(Days, d => d.Equals(parts[0][..Math.Min(3, parts[0].Length)], StringComparison.OrdinalIgnoreCase)) : -1;
        var span = parts.Length == 2 ? parts[1].Split('-', StringSplitOptions.TrimEntries) : [];
        return day < 0 || span.Length != 2 || ParseClock(span[0]) is not { } opens || ParseClock(span[1]) is not { } closes
            ? null
            : new OpenHours((DayOfWeek)day, opens, closes);
    });

    public static string Holidays(IEnumerable<Holiday> holidays) =>
        string.Join('\n', holidays.Select(h => $"{h.Date:yyyy-MM-dd}{(h.Name is { Length: > 0 } name ? $" {name}" : "")}"));

    /// <summary>Holidays, one a line (a date, then optionally its name); the line numbers (from 1) that are not.</summary>
    public static (List<Holiday> Holidays, List<int> Bad) ParseHolidays(string? text) => ParseLines(text, line =>
    {
        var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
        return DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new Holiday(date, parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null)
            : null;
    });

    /// <summary>Each non-empty line parsed, and the numbers (from 1) of the lines that did not parse.</summary>
    private static (List<T> Parsed, List<int> Bad) ParseLines<T>(string? text, Func<string, T?> parse)
        where T : class
    {
        var parsed = new List<T>();
        var bad = new List<int>();
        var lines = (text ?? "").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (parse(line) is { } item)
            {
                parsed.Add(item);
            }
            else
            {
                bad.Add(index + 1);
            }
        }

        return (parsed, bad);
    }

    private static string Clock(TimeSpan time) => time == TimeSpan.FromDays(1) ? "24:00" : $"{time.Hours:00}:{time.Minutes:00}";

    private static TimeSpan? ParseClock(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 2
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
               && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
               && minutes < 60 && (hours < 24 || hours == 24 && minutes == 0)
            ? new TimeSpan(hours, minutes, 0)
            : null;
    }
}
