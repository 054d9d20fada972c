using System.Globalization;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Staff;

namespace SocialEnterprise.Contracts.Reports;

/// <summary>
/// The filters of the SLA and operations report as the query string carries them. <c>from</c> and <c>to</c> are
/// instants (ISO 8601) or dates; a date means midnight UTC, and a date given as <c>to</c> includes that whole day.
/// Without them the report covers the 30 days up to now. The range is half-open: from ≤ t &lt; to.
/// </summary>
public sealed record ServiceLevelReportQuery
{
    public const int MaxDays = 366;
    public const int DefaultDays = 30;

    /// <summary>Ranges up to this long are bucketed by hour, longer ones by day.</summary>
    public static readonly TimeSpan HourlyUpTo = TimeSpan.FromDays(2);

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Department { get; init; }

    public string? Channel { get; init; }

    public string? Priority { get; init; }

    /// <summary>A staff member's id: the clocks and surveys of conversations they held.</summary>
    public string? Agent { get; init; }

    /// <summary>Every problem with the query by the name of the parameter at fault, and the range it resolves to.</summary>
    public (Dictionary<string, string[]> Errors, ReportRange Range) Validate(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var to = ParseInstant(errors, "to", To, endOfDay: true) ?? now;
        var from = ParseInstant(errors, "from", From, endOfDay: false) ?? to.AddDays(-DefaultDays);
        if (errors.Count == 0)
        {
            if (from >= to)
            {
                errors["from"] = ["Must be before to."];
            }
            else if (to - from > TimeSpan.FromDays(MaxDays))
            {
                errors["to"] = [$"The range is at most {MaxDays} days."];
            }
        }

        OneOf(errors, "department", Department, Departments.Ids);
        OneOf(errors, "channel", Channel, IngestChannels.All);
        OneOf(errors, "priority", Priority, Priorities.All);
        if (Agent is not null && !Guid.TryParse(Agent, out _))
        {
            errors["agent"] = ["A staff member's id."];
        }

        // Whole seconds: PostgreSQL keeps microseconds, and the buckets it returns must equal the ones computed here.
        return (errors, new ReportRange(WholeSeconds(from), WholeSeconds(to)));
    }

    public Guid? AgentId => Guid.TryParse(Agent, out var id) ? id : null;

    /// <summary>The query as URL parameters, in a fixed order, without the empty ones.</summary>
    public string ToQueryString() => string.Join('&', new[]
    {
        ("from", From), ("to", To), ("department", Department), ("channel", Channel), ("priority", Priority), ("agent", Agent),
    }.Where(pair => !string.IsNullOrEmpty(pair.Item2)).Select(pair => $"{pair.Item1}={Uri.EscapeDataString(pair.Item2!)}"));

    /// <summary>The filters in words, for the audit log.</summary>
    public override string ToString() => ToQueryString() is { Length: > 0 } query ? query : "no filters";

    private static DateTimeOffset WholeSeconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private static DateTimeOffset? ParseInstant(Dictionary<string, string[]> errors, string name, string? value, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? midnight.AddDays(1) : midnight;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            && instant.Year is > 1 and < 9999)
        {
            return instant;
        }

        errors[name] = ["An ISO 8601 date (2026-11-24) or instant (2026-11-24T09:00:00Z)."];
        return null;
    }

    private static void OneOf(Dictionary<string, string[]> errors, string name, string? value, IEnumerable<string> allowed)
    {
        var options = allowed.ToList();
        if (value is not null && !options.Contains(value, StringComparer.Ordinal))
        {
            errors[name] = [$"Unknown {name} '{value}': one of {string.Join(", ", options.Order(StringComparer.Ordinal))}."];
        }
    }
}

/// <summary>A half-open time range, and how the report buckets it.</summary>
public sealed record ReportRange(DateTimeOffset From, DateTimeOffset To)
{
    public bool Hourly => To - From <= ServiceLevelReportQuery.HourlyUpTo;

    public TimeSpan Step => Hourly ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);

    /// <summary>The start of every bucket, the first at <see cref="From"/>.</summary>
    public IReadOnlyList<DateTimeOffset> Buckets()
    {
        var buckets = new List<DateTimeOffset>();
        for (var at = From; at < To; at += Step)
        {
            buckets.Add(at);
        }

        return buckets;
    }
}
