using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using Npgsql;
using SocialEnterprise.Simulator;
using SocialEnterprise.StackSupport;
using SocialEnterprise.WorkspaceBenchmark;

// Starts a private stack (durable, as ./run.sh runs it) on free ports, fills it with a million conversations, then
// measures what a person in the workspace waits for: the inbox and its filters, customer profiles, and live pushes.
if (CommandLine.Interpret(args, WorkspaceBenchmarkArguments.Parse, parsed => parsed.Help, WorkspaceBenchmarkArguments.Usage, out var interpreted) is { } exit)
{
    return exit;
}

var arguments = interpreted!;
var configuration = Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
var directory = arguments.KeepData ?? Path.Combine(Path.GetTempPath(), $"socialenterprise-workspace-benchmark-{Guid.NewGuid():N}");
var stackLog = Path.Combine(Path.GetTempPath(), $"socialenterprise-workspace-benchmark-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
var summary = new List<string>();
void Print(string line) => Console.WriteLine(line);
string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
// Ctrl-C, SIGTERM and a closed terminal cancel the run; the stack is then stopped by the await using below, so no
// PostgreSQL, Redis or service outlives the benchmark (the services run in sessions of their own and get no signal).
using var cancellation = new CancellationTokenSource();

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    if (!cancellation.IsCancellationRequested)
    {
        Console.Error.WriteLine($"{context.Signal}: stopping the stack ...");
        cancellation.Cancel();
    }
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);

var cancellationToken = cancellation.Token;

var header = Invariant($"Workspace benchmark ({configuration} build, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
Print(header);
if (configuration != "Release")
{
    Print("  not a Release build: the figures are not representative (dotnet run -c Release ...)");
}

// Other work on the machine shows up in every figure: say how busy it was.
string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
var loadAtStart = Load();
Print($"  load average at start: {loadAtStart}");
Print($"  data in {directory}{(arguments.KeepData is null ? " (deleted at the end)" : " (kept)")}; the stack's output in {stackLog}");
var exitCode = 0;
await using var logFile = new StreamWriter(stackLog) { AutoFlush = true };
try
{
    await using var stack = await AspireStack.StartAsync(new AspireStackOptions { DataDirectory = directory, Durable = true, Log = logFile }, cancellationToken);
    var connectionString = stack.DatabaseConnectionString;
    await using var database = NpgsqlDataSource.Create(connectionString);
    Print($"Private stack up: Api {stack.ApiUrl}, Web {stack.WebUrl}");

    // 1. Data.
    var data = new WorkspaceData(database, arguments, line => Print(line));
    var marker = Path.Combine(directory, "workspace-benchmark.json");
    var wanted = JsonSerializer.Serialize(new { arguments.Conversations, arguments.Messages, arguments.Customers });
    var existing = await data.ConversationCountAsync(cancellationToken);
    string generation;
    if (existing > 0 && File.Exists(marker) && JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(marker)).GetProperty("Counts").GetString() == wanted)
    {
        var stored = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(marker));
        generation = $"reused the data generated {stored.GetProperty("GeneratedAt").GetString()} (generation then took {stored.GetProperty("Took").GetString()})";
        Print("");
        Print($"1. Data: {generation}");
        Print("   (response clocks were set relative to then: the at-risk and breached shares have moved since)");
    }
    else if (existing > 0)
    {
        throw new InvalidOperationException(
            $"{directory} already holds {existing:#,0} conversations that this benchmark did not generate with these counts; give another --keep-data folder.");
    }
    else
    {
        Print("");
        Print(Invariant($"1. Data: generating {arguments.Customers:#,0} customers, {arguments.Conversations:#,0} conversations and {arguments.Messages:#,0} messages"));
        var clock = Stopwatch.StartNew();
        await data.GenerateAsync(cancellationToken);
        var took = clock.Elapsed;
        generation = Invariant($"generated in {took.TotalMinutes:0.0} min ({took.TotalSeconds:0} s)");
        Print($"   {generation}");
        if (arguments.KeepData is not null)
        {
            File.WriteAllText(marker, JsonSerializer.Serialize(new
            {
                Counts = wanted,
                GeneratedAt = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture),
                Took = Invariant($"{took.TotalMinutes:0.0} min"),
            }));
        }
    }

    var description = await data.DescribeAsync(cancellationToken);
    foreach (var line in description)
    {
        Print($"   {line}");
    }

    summary.Add($"Data: {generation}");
    summary.AddRange(description.Select(line => $"  {line}"));

    // 2. Inbox.
    using var http = new HttpClient { BaseAddress = stack.ApiUrl, Timeout = TimeSpan.FromSeconds(60) };
    var timer = new ApiTimer(http);
    var admin = ApiCaller.AdminKey();
    var agent = await ApiCaller.StaffAsync(database, stack.SigningKey, "agent", cancellationToken);
    var customers = await SupportCustomersAsync(database, 5_000, arguments.Conversations, cancellationToken);
    var busiest = customers[0];
    string[] filters =
    [
        "",
        "status=open",
        "status=open&department=support",
        "assignee=none&status=open",
        "sla=at-risk&sort=due",
        "sla=breached",
        "priority=urgent&status=open",
        "channel=x&type=complaint",
        $"q={Vocabulary.CommonWord}",
        $"q={Vocabulary.RareWord}",
        $"customerId={busiest}",
    ];
    const double inboxTarget = 50;
    Print("");
    Print(Invariant($"2. Inbox: GET /api/conversations?...&limit=50, {arguments.Requests} requests per filter after 20 to warm up, one at a time (target p50 and p95 < {inboxTarget:0} ms)"));
    var inbox = new List<EndpointFigures>();
    foreach (var caller in new[] { admin, agent })
    {
        foreach (var filter in filters)
        {
            var path = $"api/conversations?{filter}{(filter.Length > 0 ? "&" : "")}limit=50";
            var figures = await timer.MeasureAsync(filter.Length > 0 ? filter : "(default: newest activity)", caller, _ => path, 20, arguments.Requests, cancellationToken);
            inbox.Add(figures);
            Print($"   {Row(figures, inboxTarget)}");
        }

        var counts = await timer.MeasureAsync("GET /api/inbox/counts", caller, _ => "api/inbox/counts", 5, Math.Max(20, arguments.Requests / 4), cancellationToken);
        inbox.Add(counts);
        Print($"   {Row(counts, inboxTarget)}");
    }

    // 3. Profiles.
    Print("");
    Print(Invariant($"3. Customer profiles: {customers.Count:#,0} random customers (with support conversations), each looked up three ways"));
    var profiles = await new ProfileLookups(connectionString, stack.CacheConnectionString).MeasureAsync(customers, cancellationToken);
    var profileRows = new[]
    {
        Invariant($"CustomerProfileCache.GetAsync, first read (miss: PostgreSQL, then put in Redis): {profiles.Missed}"),
        Invariant($"CustomerProfileCache.GetAsync, second read (cached in Redis):                  {profiles.Cached}   target p99 < 2 ms: {(profiles.Cached.P99 < 2 ? "met" : "missed")}"),
        Invariant($"CustomerProfileCache.ReadAsync (uncached, straight from PostgreSQL):           {profiles.Uncached}"),
    };
    foreach (var row in profileRows)
    {
        Print($"   {row}");
    }

    if (profiles.NotFound > 0)
    {
        Print($"   {profiles.NotFound} lookups found no customer");
    }

    var customerApi = new List<EndpointFigures>();
    foreach (var caller in new[] { admin, agent })
    {
        var figures = await timer.MeasureAsync("GET /api/customers/{id}", caller, i => $"api/customers/{customers[i % customers.Count]}", 20, arguments.Requests * 2, cancellationToken);
        customerApi.Add(figures);
        Print($"   {Row(figures, inboxTarget)}");
    }

    // 4. Push.
    Print("");
    Print($"4. Push: pipeline probe appended -> shown on the Activity page in Chromium, {arguments.Probes} probes one at a time (target p95 < 150 ms)");
    var push = await new PushLatency(stack.WebUrl, stack.ApiUrl, line => Print(line)).MeasureAsync(arguments.Probes, cancellationToken);
    var pushRows = new[]
    {
        $"Api answered -> shown in the page: {push.FromAnswer}   target p95 < 150 ms: {(push.FromAnswer.P95 < 150 && push.Missing == 0 ? "met" : "missed")}",
        $"POST sent    -> shown in the page: {push.FromSend}",
    };
    foreach (var row in pushRows)
    {
        Print($"   {row}");
    }

    if (push.Missing > 0)
    {
        Print($"   {push.Missing} probes never showed within 10 s");
    }

    // 5. Summary.
    Print("");
    Print("=== Summary ===");
    Print(header);
    Print(Invariant($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, PostgreSQL {await ScalarAsync(database, "show server_version", cancellationToken)}"));
    Print($"Load average (1, 5, 15 min): {loadAtStart} at start, {Load()} at the end");
    foreach (var line in summary)
    {
        Print(line);
    }

    Print(Invariant($"Inbox, GET /api/conversations (limit 50), {arguments.Requests} requests each, target p50/p95 < {inboxTarget:0} ms:"));
    foreach (var figures in inbox)
    {
        Print($"  {Row(figures, inboxTarget)}");
    }

    Print("Customer profiles:");
    foreach (var row in profileRows)
    {
        Print($"  {row}");
    }

    foreach (var figures in customerApi)
    {
        Print($"  {Row(figures, inboxTarget)}");
    }

    Print($"Push ({push.Page}, {arguments.Probes} probes{(push.Missing > 0 ? $", {push.Missing} never shown" : "")}):");
    foreach (var row in pushRows)
    {
        Print($"  {row}");
    }

    var missed = inbox.Concat(customerApi).Where(figures => !figures.Meets(inboxTarget)).ToList();
    Print(missed.Count == 0
        ? "Every inbox filter and the customer endpoint met p50/p95 < 50 ms."
        : $"Missed p50/p95 < 50 ms: {string.Join("; ", missed.Select(figures => $"{figures.Name} as {figures.Caller}"))}");
}
catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
{
    Print("Cancelled; the stack has been stopped.");
    exitCode = 130;
}
catch (Exception exception)
{
    Print($"Failed: {exception.Message} (the stack's output is in {stackLog})");
    Console.Error.WriteLine(exception);
    exitCode = 1;
}
finally
{
    if (arguments.KeepData is null && Directory.Exists(directory))
    {
        Directory.Delete(directory, recursive: true);
    }
}

return exitCode;

static string Row(EndpointFigures figures, double target) => string.Create(CultureInfo.InvariantCulture,
    $"{figures.Caller,-38} {figures.Name,-42} p50 {Ms(figures.Latency.P50),6} ms  p95 {Ms(figures.Latency.P95),6} ms  max {Ms(figures.Latency.Max),7} ms  matched {figures.Matched,-8} {(figures.Failures > 0 ? $"{figures.Failures} FAILED  " : "")}{(figures.Meets(target) ? "met" : "MISSED")}");

static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", CultureInfo.InvariantCulture);

// Customers with conversations in support, so that the agent (support) may see them too; the busiest first.
static async Task<List<Guid>> SupportCustomersAsync(NpgsqlDataSource database, int count, int conversations, CancellationToken cancellationToken)
{
    // A sample of the table's pages big enough to hold the customers asked for, rather than a sort of all of it.
    var percent = Math.Min(100, 100.0 * count * 4 / conversations);
    await using var command = database.CreateCommand(string.Create(CultureInfo.InvariantCulture, $"""
        (select customer_id from conversations where department = 'support' group by customer_id order by count(*) desc limit 1)
        union all
        (select customer_id from (select distinct customer_id from conversations tablesample system ({percent:0.###}) where department = 'support') s
         order by random() limit $1)
        """));
    command.Parameters.Add(new NpgsqlParameter { Value = count });
    command.CommandTimeout = 600;
    var customers = new List<Guid>();
    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
    while (await reader.ReadAsync(cancellationToken))
    {
        customers.Add(reader.GetGuid(0));
    }

    return customers;
}

static async Task<string> ScalarAsync(NpgsqlDataSource database, string sql, CancellationToken cancellationToken)
{
    await using var command = database.CreateCommand(sql);
    return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) ?? "";
}
