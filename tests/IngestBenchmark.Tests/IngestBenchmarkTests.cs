using SocialEnterprise.IngestBenchmark;

namespace SocialEnterprise.IngestBenchmark.Tests;

public sealed class IngestBenchmarkTests
{
    [Fact]
    public void By_default_each_phase_lasts_20_s_with_64_callers_then_200_events_a_second()
    {
        var arguments = IngestBenchmarkArguments.Parse([]);

        Assert.Equal((20, 64, 200.0, false), (arguments.Seconds, arguments.Callers, arguments.Rate, arguments.Help));
    }

    [Fact]
    public void Every_option_can_be_given()
    {
        var arguments = IngestBenchmarkArguments.Parse(["--seconds", "5", "--callers", "16", "--rate", "50"]);

        Assert.Equal((5, 16, 50.0), (arguments.Seconds, arguments.Callers, arguments.Rate));
        Assert.True(IngestBenchmarkArguments.Parse(["--help"]).Help);
    }

    [Fact]
    public void Carrying_loops_are_the_workers_default_unless_given()
    {
        Assert.Null(IngestBenchmarkArguments.Parse([]).Carriers);
        Assert.Equal(2, IngestBenchmarkArguments.Parse(["--carriers", "2"]).Carriers);
    }

    [Fact]
    public void One_Workers_process_and_its_own_batch_size_unless_given()
    {
        var defaults = IngestBenchmarkArguments.Parse([]);
        var given = IngestBenchmarkArguments.Parse(["--workers", "2", "--batch", "50"]);

        Assert.Equal((1, null), (defaults.Workers, defaults.Batch));
        Assert.Equal((2, 50), (given.Workers, given.Batch));
    }

    [Fact]
    public void The_stacks_logs_are_left_out_unless_a_file_is_given()
    {
        Assert.Null(IngestBenchmarkArguments.Parse([]).Log);
        Assert.Equal("/tmp/stack.log", IngestBenchmarkArguments.Parse(["--log", "/tmp/stack.log"]).Log);
    }

    [Theory]
    [InlineData("--carriers", "0")]
    [InlineData("--workers", "0")]
    [InlineData("--batch", "-5")]
    [InlineData("--seconds", "0")]
    [InlineData("--seconds", "2.5")]
    [InlineData("--callers", "-1")]
    [InlineData("--rate", "none")]
    [InlineData("--runs", "3")]
    [InlineData("20")]
    public void Bad_arguments_are_refused(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => IngestBenchmarkArguments.Parse(args));
    }

    [Fact]
    public void Rates_are_counts_over_elapsed_time()
    {
        Assert.Equal(2_500, Figures.PerSecond(50_000, TimeSpan.FromSeconds(20)));
        Assert.Equal(0, Figures.PerSecond(10, TimeSpan.Zero));
        Assert.Equal("12,345", Figures.Count(12_345.4));
    }

    [Fact]
    public void Targets_say_met_or_missed_and_an_unmeasured_figure_misses()
    {
        Assert.Equal("target >= 4,000/s: met", Figures.AtLeast(4_000, Figures.AcceptedPerSecondTarget, "/s"));
        Assert.Equal("target >= 4,000/s: missed", Figures.AtLeast(3_999.9, Figures.AcceptedPerSecondTarget, "/s"));
        Assert.Equal("target >= 1,000/s: missed", Figures.AtLeast(999, Figures.DrainPerSecondTarget, "/s"));
        Assert.Equal("target < 100 ms: met", Figures.Below(99.9, Figures.SteadyP95TargetMilliseconds(200)!.Value, " ms"));
        Assert.Equal("target < 100 ms: missed", Figures.Below(100, Figures.SteadyP95TargetMilliseconds(200)!.Value, " ms"));
        Assert.Equal("target < 250 ms: met", Figures.Below(249, Figures.SteadyP95TargetMilliseconds(500)!.Value, " ms"));
        Assert.Equal("target < 100 ms: missed", Figures.Below(double.NaN, Figures.SteadyP95TargetMilliseconds(200)!.Value, " ms"));
        Assert.Null(Figures.SteadyP95TargetMilliseconds(1_000));
    }
}
