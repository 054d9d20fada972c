using SocialEnterprise.LocalRunner;

namespace SocialEnterprise.UnitTests.LocalRunner;

public sealed class RunnerArgumentsTests
{
    [Fact]
    public void Without_arguments_the_runner_only_runs_the_stack()
    {
        var arguments = RunnerArguments.Parse([]);

        Assert.Null(arguments.SimulateRate);
        Assert.False(arguments.Help);
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("0.5", 0.5)]
    [InlineData("200", 200)]
    public void Simulate_takes_events_per_second(string value, double rate)
    {
        Assert.Equal(rate, RunnerArguments.Parse(["--simulate", value]).SimulateRate);
    }

    [Theory]
    [InlineData("--simulate")]
    [InlineData("--simulate", "0")]
    [InlineData("--simulate", "lots")]
    [InlineData("--simulated", "5")]
    public void Anything_else_is_refused(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => RunnerArguments.Parse(args));
    }
}
