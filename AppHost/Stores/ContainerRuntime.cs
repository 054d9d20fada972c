using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace SocialEnterprise.AppHost.Stores;

/// <summary>Whether a container runtime answers here: the one Aspire is told to use, else Docker, else Podman.</summary>
internal static class ContainerRuntime
{
    private static readonly TimeSpan AskFor = TimeSpan.FromSeconds(10);

    public static bool Answers(IConfiguration configuration)
    {
        // Aspire's own settings for the runtime it drives (DcpPublisher:ContainerRuntime, ASPIRE_CONTAINER_RUNTIME).
        var chosen = configuration["DcpPublisher:ContainerRuntime"] is { Length: > 0 } configured
            ? configured
            : configuration["ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"];
        return chosen is { Length: > 0 } ? ServerAnswers(chosen) : ServerAnswers("docker") || ServerAnswers("podman");
    }

    /// <summary>
    /// True when the runtime's server (not only its client) answers: <c>docker info</c> fails when the client is installed but
    /// no engine runs, as on this project's CI machines.
    /// </summary>
    private static bool ServerAnswers(string runtime)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(AskFor))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Not installed.
            return false;
        }
    }
}
