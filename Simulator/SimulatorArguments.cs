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

          --api <url>        the Api's address (default: services__api__http__0, as the AppHost sets it,
                             else http://localhost:5180)
          --rate <n>         events per second, fractions allowed (default 5)
          --duration <s>     stop after this many seconds (default: run until Ctrl-C)
          --secret <text>    every channel's signing secret (default: each channel's Ingest__Secrets__<channel>,
                             as the AppHost sets them, else dev-secret, the development value)
          --seed <n>         seed of the simulated customers and their messages (default 1)
          --help             show this text

        Every run has a fresh run id in its external ids (sim-<run>-<n>), so reruns never collide.
        One status line every 5 s: sent, accepted (202), duplicates (200), rejected by status.
        Exit code: 0 when done, 1 when nothing was accepted, 2 for bad arguments.
        """;

    private static readonly string[] Options = ["--api", "--rate", "--duration", "--secret", "--seed"];
    private static readonly string[] Flags = ["--help", "-h"];

    public static readonly Uri LocalApi = new(string.Create(CultureInfo.InvariantCulture, $"http://localhost:{DefaultPorts.Api}/"));

    public Uri Api { get; init; } = LocalApi;

    public double Rate { get; init; } = 5;

    public TimeSpan? Duration { get; init; }

    /// <summary>The signing secret of each channel.</summary>
    public IReadOnlyDictionary<string, string> Secrets { get; init; } =
        IngestSettings.Channels.ToDictionary(channel => channel, _ => IngestSettings.DevSecret);

    public int Seed { get; init; } = 1;

    public bool Help { get; init; }

    public string SecretOf(string channel) => Secrets[channel];

    /// <exception cref="ArgumentException">An argument is unknown, repeated, missing its value or out of range.</exception>
    public static SimulatorArguments Parse(IReadOnlyList<string> args) => Parse(args, Environment.GetEnvironmentVariable);

    /// <param name="environment">Where the defaults the AppHost injects are read (the process's environment).</param>
    public static SimulatorArguments Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var line = CommandLine.Parse(args, Options, Flags);
        var defaults = new SimulatorArguments();
        var injectedApi = environment($"services__{Resources.Api}__http__0") is { Length: > 0 } api
            && Uri.TryCreate(api, UriKind.Absolute, out var address) ? address : defaults.Api;
        var secret = line.Has("--secret") ? line.Text("--secret", IngestSettings.DevSecret) : null;
        return new SimulatorArguments
        {
            Api = line.HttpAddress("--api", injectedApi),
            Rate = line.PositiveNumber("--rate", defaults.Rate),
            Duration = line.Has("--duration") ? TimeSpan.FromSeconds(line.PositiveNumber("--duration", 1)) : null,
            Secrets = IngestSettings.Channels.ToDictionary(
                channel => channel,
                channel => secret ?? (environment(IngestSettings.SecretOf(channel)) is { Length: > 0 } injected ? injected : IngestSettings.DevSecret)),
            Seed = line.Integer("--seed", defaults.Seed),
            Help = line.Has("--help") || line.Has("-h"),
        };
    }
}
