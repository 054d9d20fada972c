using SocialEnterprise.Simulator.Measuring;

namespace SocialEnterprise.Simulator.Tests;

public sealed class LatencySummaryTests
{
    [Fact]
    public void Percentiles_are_the_nearest_rank_of_the_sorted_values()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse();

        var summary = LatencySummary.Of(values);

        Assert.Equal(new LatencySummary(100, 50, 95, 99, 100), summary);
        Assert.Equal("p50 50.0 ms, p95 95.0 ms, p99 99.0 ms, max 100.0 ms (100 samples)", summary.ToString());
    }

    [Fact]
    public void With_few_values_the_high_percentiles_are_the_largest()
    {
        Assert.Equal(new LatencySummary(1, 7, 7, 7, 7), LatencySummary.Of([7]));
        Assert.Equal(new LatencySummary(3, 2, 3, 3, 3), LatencySummary.Of([3, 1, 2]));
        Assert.Equal(10, LatencySummary.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95));
        Assert.Equal(5, LatencySummary.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5));
    }

    [Fact]
    public void No_values_give_an_empty_summary_that_says_so()
    {
        var summary = LatencySummary.Of([]);

        Assert.Equal(0, summary.Count);
        Assert.True(double.IsNaN(summary.P95));
        Assert.Equal("no samples", summary.ToString());
    }
}
