using System.Globalization;
using SocialEnterprise.Shared;

namespace SocialEnterprise.Simulator;

/// <summary>What the simulator's command line asks for.</summary>
public sealed record SimulatorArguments
{
    public const string Usage = """
        Usage: dotnet run --project Simulator -- [options]

        Posts realistic, signed customer traffic (posts, mentions, reviews, community threads, e-mails, chats,
        replies, spam) to the Api's ingest endpoints, POST /api/ingest/{channel}, until Ctrl-C.

          --api <url>        the Api's address (default http://localhost:5180)
          --rate <n>         events per second, fractions allowed (default 5)
          --duration <s>     stop after this many seconds (default: run until Ctrl-C)
          --secret <text>    the channels' signing secret (default dev-secret, the local runner's)
          --seed <n>         seed of the simulated customers and their messages (default 1)
          --help             show this text

        Every run has a fresh run id in its external ids (sim-<run>-<n>), so reruns never collide.
        One status line every 5 s: sent, accepted (202), duplicates (200), rejected by status.
        Exit code: 0 when done, 1 when nothing was accepted, 2 for bad arguments.
        """;

    private static readonly string[] Options = ["--api", "--rate", "--duration", "--secret", "--seed"];
    private static readonly string[] Flags = ["--help", "-h"];

    public Uri Api { get; init; } = new(string.Create(CultureInfo.InvariantCulture, $"http://localhost:{DefaultPorts.Api}/"));

    public double Rate { get; init; } = 5;

    public TimeSpan? Duration { get; init; }

    public string Secret { get; init; } = IngestSettings.DevSecret;

    public int Seed { get; init; } = 1;

    public bool Help { get; init; }

    /// <exception cref="ArgumentException">An argument is unknown, repeated, missing its value or out of range.</exception>
    public static SimulatorArguments Parse(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, Options, Flags);
        var defaults = new SimulatorArguments();
        return new SimulatorArguments
        {
            Api = line.HttpAddress("--api", defaults.Api),
            Rate = line.PositiveNumber("--rate", defaults.Rate),
            Duration = line.Has("--duration") ? TimeSpan.FromSeconds(line.PositiveNumber("--duration", 1)) : null,
            Secret = line.Text("--secret", defaults.Secret),
            Seed = line.Integer("--seed", defaults.Seed),
            Help = line.Has("--help") || line.Has("-h"),
        };
    }
}
