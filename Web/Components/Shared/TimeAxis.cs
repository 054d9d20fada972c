using System.Globalization;

namespace SocialEnterprise.Web.Components.Shared;

/// <summary>
/// The x-axis labels of a chart over time: every bucket keeps its point, but only every few buckets is named
/// ("7 Dec", "14:00"), at a step people count in (days, a week, a fortnight; hours, a quarter or half of a day), so that
/// the names never overlap: 30 days get a label a week, 48 hours one every 6 hours.
/// </summary>
public static class TimeAxis
{
    /// <summary>At most this many names on an axis: at 13 px a "30 Nov" is about 45 px wide, and eight fit a chart 480 px wide.</summary>
    public const int MaxLabels = 8;

    private static readonly int[] DaySteps = [1, 2, 3, 7, 14, 28, 56, 91];
    private static readonly int[] HourSteps = [1, 2, 3, 4, 6, 12, 24, 48];

    /// <summary>One label per bucket (in <paramref name="zone"/>), empty where the bucket keeps its point but no name.</summary>
    public static string[] Labels(IReadOnlyList<DateTimeOffset> buckets, bool hourly, TimeZoneInfo zone)
    {
        var steps = hourly ? HourSteps : DaySteps;
        var step = steps.FirstOrDefault(step => (buckets.Count + step - 1) / step <= MaxLabels, steps[^1]);
        return [.. buckets.Select((bucket, index) => index % step == 0 ? Label(TimeZoneInfo.ConvertTime(bucket, zone), hourly) : "")];
    }

    /// <summary>A day as "7 Dec"; an hour as "14:00", and midnight as the day it starts.</summary>
    public static string Label(DateTimeOffset at, bool hourly) =>
        at.ToString(hourly && at.TimeOfDay != TimeSpan.Zero ? "HH:mm" : "d MMM", CultureInfo.InvariantCulture);
}
