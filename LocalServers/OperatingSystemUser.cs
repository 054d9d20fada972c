using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SocialEnterprise.LocalServers;

/// <summary>Running a server as another user when its starter runs as root (as CI does).</summary>
internal static partial class OperatingSystemUser
{
    public static bool IsRoot { get; } = !OperatingSystem.IsWindows() && GetEffectiveUserId() == 0;

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
