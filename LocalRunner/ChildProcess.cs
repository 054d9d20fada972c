using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SocialEnterprise.LocalRunner;

/// <summary>
/// A process the runner owns: its output lines go to the runner's log with the child's name in front, and it is
/// stopped with a signal it handles gracefully before it is killed.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly int _stopSignal;
    private readonly RunnerLog _log;

    private ChildProcess(string name, Process process, int stopSignal, RunnerLog log)
    {
        Name = name;
        _process = process;
        _stopSignal = stopSignal;
        _log = log;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        RunnerLog log,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null,
        int stopSignal = SigTerm)
    {
        // setsid (which execs, keeping the pid) puts the child in a session of its own: Ctrl-C in the terminal then
        // reaches the runner alone, which stops the services before the stores they depend on.
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
        return new ChildProcess(name, process, stopSignal, log);
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Asks the process to stop, and kills it (with its children) if it has not within <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        _log.Line(Name, "stopping");
        _ = Kill(_process.Id, _stopSignal);
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
