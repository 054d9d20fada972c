using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Domain.Persistence;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;

[assembly: AssemblyFixture(typeof(PostgresFixture))]
[assembly: AssemblyFixture(typeof(RedisFixture))]

namespace SocialEnterprise.Api.IntegrationTests;

/// <summary>
/// The Api in-process (WebApplicationFactory) against the real PostgreSQL and Redis of this test assembly, with a
/// database of its own, migrated by the Api itself as it starts.
/// </summary>
public sealed class ApiFixture(PostgresFixture postgres, RedisFixture redis) : IAsyncLifetime
{
    public const string KeyName = "integration";
    public const string Key = "integration-test-key";

    private WebApplicationFactory<Program>? _factory;

    public string DatabaseConnectionString { get; private set; } = "";

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        DatabaseConnectionString = await postgres.CreateDatabaseAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseEnvironment("Development")
            .UseSetting($"ConnectionStrings:{Resources.Database}", DatabaseConnectionString)
            .UseSetting($"ConnectionStrings:{Resources.Cache}", redis.ConnectionString)
            .UseSetting($"ApiAccess:Keys:{KeyName}", Key));
        _ = _factory.Server;
    }

    public HttpClient CreateClient(string? key = Key)
    {
        var client = Factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A context of its own on the same database, as another process would see it.</summary>
    public CrmDbContext NewDbContext() => new(CrmDatabaseExtensions.CrmDatabaseOptions(DatabaseConnectionString));

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
