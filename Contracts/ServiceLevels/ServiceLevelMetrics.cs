namespace SocialEnterprise.Contracts.ServiceLevels;

public static class ServiceLevelMetrics
{
    public const string FirstResponse = "first-response";
    public const string NextResponse = "next-response";
    public const string Resolution = "resolution";

    /// <summary>A department's answer to a consult (operational-level agreement).</summary>
    public const string Consult = "consult";

    public static readonly IReadOnlyList<string> All = [FirstResponse, NextResponse, Resolution, Consult];

    /// <summary>The conversation metrics a policy must give a default (any channel) target for, at every priority.</summary>
    public static readonly IReadOnlyList<string> Conversation = [FirstResponse, NextResponse, Resolution];

    public static string NameOf(string metric) => metric switch
    {
        FirstResponse => "First response",
        NextResponse => "Next response",
        Resolution => "Resolution",
        Consult => "Consult (OLA)",
        _ => metric,
    };

    /// <summary>"12 min", "2 h 5 min", "3 d 4 h": how long, roughly, for a chip or banner.</summary>
    public static string Span(TimeSpan span)
    {
        span = span.Duration();
        return span.TotalMinutes < 1 ? $"{Math.Max(0, (int)span.TotalSeconds)} s"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
            : span.TotalDays < 1 ? (span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min")
            : span.Hours == 0 ? $"{(int)span.TotalDays} d" : $"{(int)span.TotalDays} d {span.Hours} h";
    }
}
