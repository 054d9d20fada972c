using SocialEnterprise.Contracts.ServiceLevels;

namespace SocialEnterprise.Domain.ServiceLevels;

/// <summary>
/// When a promise's clock runs: open hours per weekday in a time zone, minus holidays. Service-level targets are
/// business time, so a 4 h target set at 16:00 on a Friday is due at 12:00 on Monday when the office opens at 9.
/// Hours are wall-clock times of the zone, so a day with a daylight-saving change is an hour shorter or longer only
/// where its open hours span the change (a 24/7 calendar's Sunday in March has 23 hours).
/// </summary>
public sealed class BusinessCalendar
{
    // Far enough for any target a policy allows (30 days) on a calendar open one hour a week, with holidays.
    private const int MaxDaysSearched = 3 * 366;

    private readonly Dictionary<DayOfWeek, OpenHours[]> _hoursByDay;
    private readonly HashSet<DateOnly> _holidays;

    public BusinessCalendar(TimeZoneInfo zone, IEnumerable<OpenHours> hours, IEnumerable<DateOnly>? holidays = null)
    {
        Zone = zone;
        Hours = [.. hours.OrderBy(h => h.Day).ThenBy(h => h.Opens)];
        _hoursByDay = Hours.GroupBy(h => h.Day).ToDictionary(g => g.Key, g => g.ToArray());
        _holidays = [.. holidays ?? []];
        if (Hours.Any(h => h.Opens < TimeSpan.Zero || h.Closes > TimeSpan.FromDays(1) || h.Opens >= h.Closes))
        {
            throw new ArgumentException("Open hours must lie within the day and open before they close.", nameof(hours));
        }

        if (Hours.Count == 0)
        {
            throw new ArgumentException("A calendar needs open hours on at least one day.", nameof(hours));
        }

        AlwaysOpen = _holidays.Count == 0 && Enum.GetValues<DayOfWeek>().All(day =>
            _hoursByDay.TryGetValue(day, out var open) && open.Length == 1 && open[0].Opens == TimeSpan.Zero && open[0].Closes == TimeSpan.FromDays(1));
    }

    /// <summary>Open around the clock every day, no holidays: business time is wall-clock time.</summary>
    public static BusinessCalendar TwentyFourSeven { get; } =
        new(TimeZoneInfo.Utc, Enum.GetValues<DayOfWeek>().Select(day => new OpenHours(day, TimeSpan.Zero, TimeSpan.FromDays(1))));

    public TimeZoneInfo Zone { get; }

    public IReadOnlyList<OpenHours> Hours { get; }

    public IReadOnlySet<DateOnly> Holidays => _holidays;

    public bool AlwaysOpen { get; }

    /// <summary>The wall-clock moment <paramref name="duration"/> of business time after <paramref name="start"/>.</summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return start;
        }

        if (AlwaysOpen)
        {
            return start + duration;
        }

        var remaining = duration;
        foreach (var (opens, closes) in OpenIntervalsFrom(start))
        {
            var from = opens > start ? opens : start;
            var available = closes - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
        }

        throw new InvalidOperationException($"The calendar has no {duration} of open hours within {MaxDaysSearched} days of {start:O}.");
    }

    /// <summary>The business time from <paramref name="from"/> to <paramref name="to"/> (zero when <paramref name="to"/> is not later).</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (AlwaysOpen)
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        foreach (var (opens, closes) in OpenIntervalsFrom(from))
        {
            if (opens >= to)
            {
                break;
            }

            var start = opens > from ? opens : from;
            var end = closes < to ? closes : to;
            total += end - start;
        }

        return total;
    }

    /// <summary>Whether the clock runs at <paramref name="at"/>.</summary>
    public bool IsOpen(DateTimeOffset at) =>
        AlwaysOpen || OpenIntervalsFrom(at).Take(1).Any(interval => interval.Opens <= at && at < interval.Closes);

    /// <summary>The open intervals (as instants) that end after <paramref name="start"/>, in order.</summary>
    private IEnumerable<(DateTimeOffset Opens, DateTimeOffset Closes)> OpenIntervalsFrom(DateTimeOffset start)
    {
        // A day before the local date: the previous local day's hours may still be open (a zone far east of UTC).
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, Zone).DateTime).AddDays(-1);
        for (var searched = 0; searched < MaxDaysSearched; searched++, day = day.AddDays(1))
        {
            if (_holidays.Contains(day) || !_hoursByDay.TryGetValue(day.DayOfWeek, out var hours))
            {
                continue;
            }

            foreach (var open in hours)
            {
                var opens = Instant(day, open.Opens);
                var closes = Instant(day, open.Closes);
                if (closes > start && closes > opens)
                {
                    yield return (opens, closes);
                }
            }
        }
    }

    /// <summary>
    /// The instant the zone's clocks show <paramref name="time"/> on <paramref name="day"/>. A time skipped by a
    /// spring-forward change is the moment the clocks jump (02:30 on that night is 03:00); a time shown twice in the
    /// autumn is its first showing.
    /// </summary>
    private DateTimeOffset Instant(DateOnly day, TimeSpan time)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + time;
        if (Zone.IsInvalidTime(local))
        {
            // The offset in force just before the gap, applied to the skipped time, lands after the jump by as much as
            // the time was into the gap; the jump itself is that instant minus how far in.
            var before = Zone.GetUtcOffset(local.AddHours(-3));
            var probe = local;
            while (Zone.IsInvalidTime(probe))
            {
                probe = probe.AddMinutes(-1);
            }

            var gapStart = probe.AddMinutes(1);
            return new DateTimeOffset(gapStart - before, TimeSpan.Zero);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }
}
