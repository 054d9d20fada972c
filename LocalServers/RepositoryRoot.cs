namespace SocialEnterprise.LocalServers;

public static class RepositoryRoot
{
    public const string SolutionFile = "SocialEnterprise.sln";

    /// <summary>The folder holding the solution file, searched upwards from <paramref name="start"/>.</summary>
    public static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {SolutionFile} above {start}.");
    }
}
