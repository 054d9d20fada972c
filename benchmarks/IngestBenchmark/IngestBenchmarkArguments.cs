using SocialEnterprise.Simulator;

namespace SocialEnterprise.IngestBenchmark;

/// <summary>What the ingest benchmark's command line asks for.</summary>
public sealed record IngestBenchmarkArguments
{
    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/IngestBenchmark [-- options]

        Starts a private stack (durable PostgreSQL and Redis, Api, Workers, Web) on free ports and measures ingestion:
          1. max throughput: signed simulated events from concurrent callers, as fast as they are answered;
          2. steady rate: events at a fixed rate, then the time from received to processed of each one.

          --seconds <n>    length of each phase (default 20)
          --callers <n>    concurrent callers in the max-throughput phase (default 64)
          --rate <n>       events per second in the steady-rate phase (default 200)
          --carriers <n>   carrying loops in the Workers (Intake:Concurrency; default: the Workers' own default)
          --workers <n>    Workers processes sharing the queue (AppHost:WorkersReplicas; default 1)
          --batch <n>      events a carrying loop claims at once (Intake:BatchSize; default: the Workers' own default)
          --log <file>     write the stack's logs (every resource's console) to this file
          --help           show this text
        """;

    private static readonly string[] Options = ["--seconds", "--callers", "--rate", "--carriers", "--workers", "--batch", "--log"];
    private static readonly string[] Flags = ["--help", "-h"];

    public int Seconds { get; init; } = 20;

    public int Callers { get; init; } = 64;

    public double Rate { get; init; } = 200;

    /// <summary>Carrying loops in the Workers; null leaves the Workers' default.</summary>
    public int? Carriers { get; init; }

    /// <summary>Workers processes sharing the queue.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Events a carrying loop claims at once; null leaves the Workers' default.</summary>
    public int? Batch { get; init; }

    /// <summary>Where the stack's logs go; null leaves them out.</summary>
    public string? Log { get; init; }

    public bool Help { get; init; }

    /// <exception cref="ArgumentException">An argument is unknown, repeated, missing its value or out of range.</exception>
    public static IngestBenchmarkArguments Parse(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, Options, Flags);
        var defaults = new IngestBenchmarkArguments();
        return new IngestBenchmarkArguments
        {
            Seconds = line.PositiveInteger("--seconds", defaults.Seconds),
            Callers = line.PositiveInteger("--callers", defaults.Callers),
            Rate = line.PositiveNumber("--rate", defaults.Rate),
            Carriers = line.Has("--carriers") ? line.PositiveInteger("--carriers", 1) : null,
            Workers = line.PositiveInteger("--workers", defaults.Workers),
            Batch = line.Has("--batch") ? line.PositiveInteger("--batch", 1) : null,
            Log = line.Has("--log") ? line.Text("--log", "") : null,
            Help = line.Has("--help") || line.Has("-h"),
        };
    }
}
