using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SocialEnterprise.LocalRunner;

/// <summary>Running a server as another user when the runner itself runs as root (as CI does).</summary>
internal static partial class OperatingSystemUser
{
    public static bool IsRoot { get; } = !OperatingSystem.IsWindows() && GetEffectiveUserId() == 0;

    /// <summary>Starts <paramref name="fileName"/> as <paramref name="user"/> (through <c>setpriv</c>, which execs, so the pid is the server's own).</summary>
    public static ChildProcess Start(
        string name, string fileName, IReadOnlyList<string> arguments, string? user, RunnerLog log, int stopSignal = ChildProcess.SigTerm) =>
        user is null
            ? ChildProcess.Start(name, fileName, arguments, log, stopSignal: stopSignal)
            : ChildProcess.Start(name, "setpriv", ["--reuid", user, "--regid", user, "--init-groups", "--", fileName, .. arguments],
                log, workingDirectory: "/", stopSignal: stopSignal);

    /// <summary>
    /// Gives <paramref name="directory"/> to <paramref name="user"/> and lets that user pass through every folder above
    /// it (execute bit for others only: no listing, no reading).
    /// </summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static void GrantTraverse(string directory, string user)
    {
        GiveTo(directory, user);
        for (var parent = Directory.GetParent(Path.GetFullPath(directory)); parent is not null; parent = parent.Parent)
        {
            var mode = File.GetUnixFileMode(parent.FullName);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                File.SetUnixFileMode(parent.FullName, mode | UnixFileMode.OtherExecute);
            }
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static void GiveTo(string path, string user)
    {
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", $"{user}:", path]) { UseShellExecute = false })!;
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new PrerequisiteMissingException(
                $"Could not give {path} to the '{user}' user (chown exit code {chown.ExitCode}). Debian's postgresql package creates that user.");
        }

        // PostgreSQL insists that nobody else may read its data folder.
        if (Directory.Exists(path))
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
