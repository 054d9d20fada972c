using System.Globalization;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Workers.IntegrationTests.Operations;

/// <summary>The Workers yield the cores to the Api, the Web and PostgreSQL: every one of their threads runs lowered.</summary>
public sealed class BackgroundPriorityTests(MigratedDatabase database, RedisFixture redis) : IClassFixture<MigratedDatabase>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_thread_of_the_Workers_process_runs_at_the_configured_niceness()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "niceness is Linux's");
        await using var workers = WorkersProcess.Start("workers-priority", database, redis, new Dictionary<string, string> { ["Priority__Niceness"] = "7" });

        // Threads keep starting for a while (the thread pool grows as the loops start): all of them lowered, within seconds.
        await Eventually.TrueAsync(() =>
        {
            var niceness = Niceness(workers.Id);
            return Task.FromResult(niceness.Count > 10 && niceness.All(n => n == 7));
        }, _cancellation, TimeSpan.FromSeconds(30));
    }

    /// <summary>Each thread's niceness: field 19 of <c>/proc/PID/task/TID/stat</c>, counted after the command's closing parenthesis.</summary>
    private static List<int> Niceness(int process)
    {
        var niceness = new List<int>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{process}/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                niceness.Add(int.Parse(fields[16], CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return niceness;
    }
}
