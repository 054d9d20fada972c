using SocialEnterprise.Simulator;

namespace SocialEnterprise.WorkspaceBenchmark;

/// <summary>What the workspace benchmark's command line asks for.</summary>
public sealed record WorkspaceBenchmarkArguments
{
    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/WorkspaceBenchmark [-- options]

        Starts a private stack (durable PostgreSQL and Redis, Api, Workers, Web) on free ports, fills PostgreSQL with
        generated customers, conversations and messages, and measures:
          1. how long generating the data takes;
          2. inbox latency: GET /api/conversations for the common filters and GET /api/inbox/counts, as an admin API
             key and as a department-scoped agent;
          3. customer profile lookups: the Redis profile cache in process (cached and uncached), and GET /api/customers/{id};
          4. push latency: a pipeline probe's event appended, until it shows on the Activity page in Chromium.

          --conversations <n>  conversations to generate (default 1000000)
          --messages <n>       messages to generate, spread over the conversations (default 5000000)
          --customers <n>      customers to generate, each with 1 to 3 identities (default conversations / 5)
          --requests <n>       measured requests per inbox filter (default 200)
          --probes <n>         probes whose push to the browser is measured (default 100)
          --keep-data <dir>    keep the stack's data in <dir>; a later run with the same counts reuses it instead of
                               generating again (default: a temporary folder, deleted at the end)
          --help               show this text
        """;

    private static readonly string[] Options = ["--conversations", "--messages", "--customers", "--requests", "--probes", "--keep-data"];
    private static readonly string[] Flags = ["--help", "-h"];

    public int Conversations { get; init; } = 1_000_000;

    public int Messages { get; init; } = 5_000_000;

    public int Customers { get; init; } = 200_000;

    public int Requests { get; init; } = 200;

    public int Probes { get; init; } = 100;

    public string? KeepData { get; init; }

    public bool Help { get; init; }

    /// <exception cref="ArgumentException">An argument is unknown, repeated, missing its value or out of range.</exception>
    public static WorkspaceBenchmarkArguments Parse(IReadOnlyList<string> args)
    {
        var line = CommandLine.Parse(args, Options, Flags);
        var defaults = new WorkspaceBenchmarkArguments();
        var conversations = line.PositiveInteger("--conversations", defaults.Conversations);
        var messages = line.PositiveInteger("--messages", defaults.Messages);
        if (messages < conversations)
        {
            throw new ArgumentException("--messages must be at least --conversations: every conversation has a first message.");
        }

        var keep = line.Text("--keep-data", "");
        return new WorkspaceBenchmarkArguments
        {
            Conversations = conversations,
            Messages = messages,
            Customers = line.PositiveInteger("--customers", Math.Max(1, conversations / 5)),
            Requests = line.PositiveInteger("--requests", defaults.Requests),
            Probes = line.PositiveInteger("--probes", defaults.Probes),
            KeepData = keep.Length > 0 ? Path.GetFullPath(keep) : null,
            Help = line.Has("--help") || line.Has("-h"),
        };
    }
}
