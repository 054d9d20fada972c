using SocialEnterprise.Simulator;

namespace SocialEnterprise.LocalRunner;

/// <summary>What <c>./run.sh</c> is asked on its command line; the ports and data folder come from the environment (<see cref="LocalStackOptions"/>).</summary>
public sealed record RunnerArguments
{
    public const string Usage = """
        Usage: ./run.sh [--simulate <events per second>]

        Starts PostgreSQL, Redis, the Api, Workers and Web on this machine; Ctrl-C stops everything.

          --simulate <n>   once everything is up, post simulated customer traffic to the Api's ingest
                           endpoints at n events per second (fractions allowed) until Ctrl-C
          --help           show this text

        Ports and the data folder: SE_WEB_PORT, SE_API_PORT, SE_WORKERS_PORT, SE_POSTGRES_PORT, SE_CACHE_PORT, SE_DATA_DIR.
        """;

    private static readonly string[] Options = ["--simulate"];
    private static readonly string[] Flags = ["--help", "-h"];

    /// <summary>Events per second of simulated traffic; none when null.</summary>
    public double? SimulateRate { get; init; }

    public bool Help { get; init; }

    /// <exception cref="ArgumentException">An argument is unknown, repeated, missing its value or not a positive number.</exception>
    public static RunnerArguments Parse(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, Options, Flags);
        return new RunnerArguments
        {
            SimulateRate = line.Has("--simulate") ? line.PositiveNumber("--simulate", 1) : null,
            Help = line.Has("--help") || line.Has("-h"),
        };
    }
}
