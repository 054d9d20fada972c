using System.Globalization;

namespace SocialEnterprise.IngestBenchmark;

/// <summary>The arithmetic and wording of the benchmark's figures, apart from the I/O that measures them.</summary>
public static class Figures
{
    // The targets of the pipeline-at-speed issue, for the whole stack on this two-core machine.
    public const double AcceptedPerSecondTarget = 4_000;
    public const double DrainPerSecondTarget = 1_000;

    /// <summary>The steady phase's p95 target at <paramref name="rate"/> events/s: 100 ms up to 200/s, 250 ms up to 500/s, none above.</summary>
    public static double? SteadyP95TargetMilliseconds(double rate) => rate switch
    {
        <= 200 => 100,
        <= 500 => 250,
        _ => null,
    };

    public static double PerSecond(long count, TimeSpan elapsed) => elapsed > TimeSpan.Zero ? count / elapsed.TotalSeconds : 0;

    /// <summary><c>target >= 2,000/s: met</c> or <c>... missed</c>.</summary>
    public static string AtLeast(double value, double target, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"target >= {target:#,0}{unit}: {(value >= target ? "met" : "missed")}");

    /// <summary><c>target &lt; 150 ms: met</c> or <c>... missed</c>; a figure that could not be measured misses.</summary>
    public static string Below(double value, double target, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"target < {target:#,0}{unit}: {(value < target ? "met" : "missed")}");

    public static string Count(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
