using System.Globalization;

namespace SocialEnterprise.IngestBenchmark;

/// <summary>The arithmetic and wording of the benchmark's figures, apart from the I/O that measures them.</summary>
public static class Figures
{
    public const double AcceptedPerSecondTarget = 2_000;
    public const double SteadyP95TargetMilliseconds = 150;

    public static double PerSecond(long count, TimeSpan elapsed) => elapsed > TimeSpan.Zero ? count / elapsed.TotalSeconds : 0;

    /// <summary><c>target >= 2,000/s: met</c> or <c>... missed</c>.</summary>
    public static string AtLeast(double value, double target, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"target >= {target:#,0}{unit}: {(value >= target ? "met" : "missed")}");

    /// <summary><c>target &lt; 150 ms: met</c> or <c>... missed</c>; a figure that could not be measured misses.</summary>
    public static string Below(double value, double target, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"target < {target:#,0}{unit}: {(value < target ? "met" : "missed")}");

    public static string Count(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
