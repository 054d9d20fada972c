using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace SocialEnterprise.Workers.Operations;

/// <summary>How the Workers share a busy machine: configuration section <c>Priority</c>.</summary>
public sealed class PriorityOptions
{
    public const string Section = "Priority";

    /// <summary>
    /// The Workers' niceness on Linux (0 as any process, up to 19): above 0 the Api, the Web and PostgreSQL get the cores
    /// first when all want them. Everything the Workers do can wait some milliseconds; a channel posting to the webhook,
    /// or a member of staff clicking, should not. When the cores are free the Workers use them as before.
    /// </summary>
    [Range(0, 19)]
    public int Niceness { get; set; } = 10;
}

/// <summary>
/// Gives the Workers process its <see cref="PriorityOptions.Niceness"/>. Linux keeps niceness per thread (<c>renice</c>
/// of the process id changes only its first thread), so every thread is lowered, and those the runtime starts later as
/// they appear.
/// </summary>
public sealed partial class BackgroundPriority(IOptions<PriorityOptions> options, ILogger<BackgroundPriority> logger) : BackgroundService
{
    private const int PriorityOfProcess = 0;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var niceness = options.Value.Niceness;
        if (!OperatingSystem.IsLinux() || niceness == 0)
        {
            return;
        }

        var lowered = new HashSet<int>();
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (!Lower(lowered, niceness))
            {
                return;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Lowers the threads not lowered yet; false (and logged) if the system refuses.</summary>
    private bool Lower(HashSet<int> lowered, int niceness)
    {
        var alive = new HashSet<int>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (!int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var thread))
            {
                continue;
            }

            alive.Add(thread);
            // A thread that ended and whose id was reused starts at the niceness of whoever started it: lowered anyway.
            if (!lowered.Contains(thread) && SetPriority(PriorityOfProcess, thread, niceness) != 0)
            {
                var error = Marshal.GetLastPInvokeError();
                // Gone between the listing and the call: nothing to lower.
                if (error != 3)
                {
                    LogRefused(logger, niceness, Marshal.GetPInvokeErrorMessage(error));
                    return false;
                }
            }

            lowered.Add(thread);
        }

        lowered.IntersectWith(alive);
        return true;
    }

    // DllImport, not LibraryImport: the source-generated stub needs unsafe code, and two ints need no marshalling.
    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Workers could not lower their priority to niceness {Niceness}: {Reason}; they run at the default priority")]
    private static partial void LogRefused(ILogger logger, int niceness, string reason);
}
