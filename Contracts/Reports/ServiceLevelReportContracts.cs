namespace SocialEnterprise.Contracts.Reports;

/// <summary>
/// The SLA and operations report for a range, as <c>GET /api/reports/service-levels</c> answers it. Clocks count by
/// when they started; a clock is met or breached once decided (stopped, or past its target while still running),
/// open while running or paused within its target, and cancelled clocks do not count. Durations are business seconds.
/// </summary>
public sealed record ServiceLevelReport(
    DateTimeOffset From,
    DateTimeOffset To,
    string Bucket,
    IReadOnlyList<string>? Departments,
    DurationSummary FirstResponse,
    DurationSummary Resolution,
    ComplianceRow Overall,
    IReadOnlyList<ComplianceRow> ByMetric,
    IReadOnlyList<ComplianceRow> ByDepartment,
    IReadOnlyList<ComplianceRow> ByChannel,
    IReadOnlyList<ComplianceRow> ByPriority,
    IReadOnlyList<AgentReportRow> Agents,
    TimeSeries Breaches,
    CsatSummary Csat,
    IReadOnlyList<CsatRow> CsatByDepartment,
    TimeSeries Volume)
{
    /// <summary>Whether the range holds nothing to report at all.</summary>
    public bool IsEmpty => Overall.Met + Overall.Breached + Overall.Open == 0 && Csat.Sent == 0 && Volume.Series.All(s => s.Counts.All(c => c == 0));
}

/// <summary>How long stopped clocks of one metric took: their number, median and 90th percentile in business seconds.</summary>
public sealed record DurationSummary(int Count, double? MedianSeconds, double? P90Seconds)
{
    public static readonly DurationSummary None = new(0, null, null);
}

/// <summary>Promises of one group: kept, broken, still open, and the share kept of those decided (0–100; null when none is decided).</summary>
public sealed record ComplianceRow(string Key, string Name, int Met, int Breached, int Open)
{
    public int Decided => Met + Breached;

    public double? Percent => Decided == 0 ? null : 100.0 * Met / Decided;
}

/// <summary>One agent's (or, with no id, nobody's) compliance, response and resolution times and satisfaction.</summary>
public sealed record AgentReportRow(
    Guid? AgentId, string Name, ComplianceRow Compliance, DurationSummary FirstResponse, DurationSummary Resolution, CsatRow Csat);

/// <summary>Satisfaction surveys sent in the range: answers, the average score, the count per score 1–5 and the share answered.</summary>
public sealed record CsatSummary(int Sent, int Answered, double? Average, IReadOnlyList<int> Distribution)
{
    public double? ResponseRate => Sent == 0 ? null : 100.0 * Answered / Sent;
}

public sealed record CsatRow(string Key, string Name, int Sent, int Answered, double? Average)
{
    public double? ResponseRate => Sent == 0 ? null : 100.0 * Answered / Sent;
}

/// <summary>Counts per bucket (hour or day, starting at each of <see cref="Buckets"/>), one series per key.</summary>
public sealed record TimeSeries(IReadOnlyList<DateTimeOffset> Buckets, IReadOnlyList<CountSeries> Series);

public sealed record CountSeries(string Key, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}
