using System.Diagnostics;
using SocialEnterprise.Shared;
using SocialEnterprise.Simulator;

namespace SocialEnterprise.Simulator.Tests;

public sealed class SimulatorArgumentsTests
{
    [Fact]
    public void Without_arguments_it_sends_five_events_a_second_to_the_local_Api_until_stopped()
    {
        var arguments = SimulatorArguments.Parse([], _ => null);

        Assert.Equal(new Uri("http://localhost:5180/"), arguments.Api);
        Assert.Equal(5, arguments.Rate);
        Assert.Null(arguments.Duration);
        Assert.All(IngestSettings.Channels, channel => Assert.Equal("dev-secret", arguments.SecretOf(channel)));
        Assert.Equal(1, arguments.Seed);
        Assert.False(arguments.Help);
    }

    [Fact]
    public void Every_option_can_be_given()
    {
        var arguments = SimulatorArguments.Parse(
            ["--api", "http://127.0.0.1:6180", "--rate", "12.5", "--duration", "60", "--secret", "s3cret", "--seed", "-4"],
            name => $"injected {name}");

        Assert.Equal(new Uri("http://127.0.0.1:6180/"), arguments.Api);
        Assert.Equal(12.5, arguments.Rate);
        Assert.Equal(TimeSpan.FromSeconds(60), arguments.Duration);
        Assert.All(IngestSettings.Channels, channel => Assert.Equal("s3cret", arguments.SecretOf(channel)));
        Assert.Equal(-4, arguments.Seed);
    }

    [Fact]
    public void Under_the_AppHost_it_takes_the_Api_and_each_channels_secret_it_injects()
    {
        var environment = new Dictionary<string, string>
        {
            ["services__api__http__0"] = "http://localhost:41234",
            ["Ingest__Secrets__x"] = "x-secret",
            ["Ingest__Secrets__email"] = "email-secret",
        };

        var arguments = SimulatorArguments.Parse(["--rate", "2"], environment.GetValueOrDefault);

        Assert.Equal(new Uri("http://localhost:41234/"), arguments.Api);
        Assert.Equal("x-secret", arguments.SecretOf("x"));
        Assert.Equal("email-secret", arguments.SecretOf("email"));
        Assert.Equal("dev-secret", arguments.SecretOf("chat"));
    }

    [Fact]
    public void Help_is_a_switch()
    {
        Assert.True(SimulatorArguments.Parse(["--help"]).Help);
        Assert.True(SimulatorArguments.Parse(["-h"]).Help);
        Assert.Contains("--rate <n>", SimulatorArguments.Usage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rate", "0")]
    [InlineData("--rate", "fast")]
    [InlineData("--rate")]
    [InlineData("--duration", "-5")]
    [InlineData("--api", "localhost:5180")]
    [InlineData("--api", "ftp://localhost")]
    [InlineData("--seed", "1.5")]
    [InlineData("--secret", "")]
    [InlineData("--rate", "--duration", "5")]
    [InlineData("--rate", "5", "--rate", "6")]
    [InlineData("--verbose")]
    [InlineData("5")]
    public void Bad_arguments_are_refused_with_a_message(params string[] args)
    {
        var refused = Assert.Throws<ArgumentException>(() => SimulatorArguments.Parse(args, _ => null));

        Assert.False(string.IsNullOrWhiteSpace(refused.Message));
    }

    [Fact]
    public async Task The_program_prints_the_usage_and_exits_with_2_on_bad_arguments()
    {
        var program = Path.Combine(AppContext.BaseDirectory, "SocialEnterprise.Simulator.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [program, "--rate", "zero"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;

        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--rate must be a positive number", error, StringComparison.Ordinal);
        Assert.Contains("Usage: dotnet run --project Simulator", error, StringComparison.Ordinal);
    }
}
