using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SocialEnterprise.LocalServers;

/// <summary>
/// A process a test or benchmark owns: its output lines go to a log with the child's name in front, and it is stopped
/// with SIGTERM before it is killed.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly ServerLog _log;

    private ChildProcess(string name, Process process, ServerLog log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(string name, ServerCommand command, ServerLog log) =>
        Start(name, command.FileName, command.Arguments, log, command.WorkingDirectory);

    public static ChildProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        ServerLog log,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        // setsid (which execs, keeping the pid) puts the child in a session of its own: Ctrl-C in the terminal then
        // reaches its owner alone, which stops it in order.
        var info = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        info.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) log.Line(name, line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) log.Line(name, line.Data); };
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {fileName}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(name, process, log);
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>
    /// Asks <paramref name="isReady"/> until it says yes; fails at once if the process exits meanwhile, and after
    /// <paramref name="timeout"/> otherwise.
    /// </summary>
    public async Task WaitUntilReadyAsync(Func<CancellationToken, Task<bool>> isReady, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        while (!await isReady(cancellationToken))
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{Name} exited during start-up (exit code {ExitCode}); see its output.");
            }

            if (started.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Asks the process to stop, and kills it (with its children) if it has not within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        _log.Line(Name, "stopping");
        _ = Kill(_process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _log.Line(Name, $"did not stop within {grace.TotalSeconds:0} s; killing it");
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(15));
        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
