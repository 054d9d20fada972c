using SocialEnterprise.LocalServers;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Workers.IntegrationTests;

/// <summary>The built Workers as a process of their own, on the test's database and cache (one that can be killed).</summary>
internal static class WorkersProcess
{
    public static ChildProcess Start(string name, MigratedDatabase database, RedisFixture redis, IReadOnlyDictionary<string, string>? settings = null)
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var assembly = Path.Combine(root, "Workers", "bin", configuration, "net10.0", "SocialEnterprise.Workers.dll");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            [$"ConnectionStrings__{Resources.Database}"] = database.ConnectionString,
            [$"ConnectionStrings__{Resources.Cache}"] = redis.ConnectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return ChildProcess.Start(name, "dotnet", [assembly], TestLog.Instance, Path.GetDirectoryName(assembly), environment);
    }
}
