using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Workers.IntegrationTests;

/// <summary>The Workers process in-process, on the test class's database and the assembly's Redis.</summary>
public sealed class WorkersFactory(MigratedDatabase database, RedisFixture redis) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder
        .UseEnvironment("Development")
        .UseSetting($"ConnectionStrings:{Resources.Database}", database.ConnectionString)
        .UseSetting($"ConnectionStrings:{Resources.Cache}", redis.ConnectionString)
        // In-process, lowering the Workers' threads would lower the test host's.
        .UseSetting($"{SocialEnterprise.Workers.Operations.PriorityOptions.Section}:Niceness", "0");
}
