using SocialEnterprise.LocalServers;

namespace SocialEnterprise.TestSupport;

/// <summary>Throw-away folders for the servers tests start, under the system's temporary folder.</summary>
public static class TestDirectories
{
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "socialenterprise-tests");

    public static string New(string purpose)
    {
        var path = Path.Combine(Root, $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

/// <summary>Where the servers tests start write their output: a file per process, kept out of the test report.</summary>
public static class TestLog
{
    private static readonly Lazy<ServerLog> Shared = new(() =>
    {
        Directory.CreateDirectory(TestDirectories.Root);
        var path = Path.Combine(TestDirectories.Root, $"servers-{Environment.ProcessId}.log");
        return new ServerLog(TextWriter.Synchronized(new StreamWriter(path, append: true) { AutoFlush = true }), color: false);
    });

    public static ServerLog Instance => Shared.Value;
}
