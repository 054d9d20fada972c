using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Infrastructure.Access;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;

[assembly: AssemblyFixture(typeof(PostgresFixture))]
[assembly: AssemblyFixture(typeof(RedisFixture))]

namespace SocialEnterprise.Api.IntegrationTests;

/// <summary>
/// The Api in-process (WebApplicationFactory) against the real PostgreSQL and Redis of this test assembly, with a
/// database of its own, migrated by the Api itself as it starts.
/// </summary>
public class ApiFixture(PostgresFixture postgres, RedisFixture redis) : IAsyncLifetime
{
    /// <summary>Every channel's webhook secret in these tests.</summary>
    public const string ChannelSecret = "integration-channel-secret";

    /// <summary>The key the Api seeds as its development admin key (every scope).</summary>
    public const string Key = "integration-test-key";
    public const string KeyName = AccessSeeder.AdminKeyName;

    public static readonly string SigningKey = new('s', 48);

    private WebApplicationFactory<Program>? _factory;

    public string DatabaseConnectionString { get; private set; } = "";

    public string CacheConnectionString => redis.ConnectionString;

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public virtual async ValueTask InitializeAsync()
    {
        DatabaseConnectionString = await postgres.CreateDatabaseAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseEnvironment("Development")
            .UseSetting($"ConnectionStrings:{Resources.Database}", DatabaseConnectionString)
            .UseSetting($"ConnectionStrings:{Resources.Cache}", redis.ConnectionString)
            .UseSetting("Auth:SigningKey", SigningKey)
            .UseSetting("Seed:AdminKey", Key)
            .UseSetting("Seed:DemoCompany", "true")
            .ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(
                IngestSettings.Channels.Select(channel => KeyValuePair.Create<string, string?>($"Ingest:Secrets:{channel}", ChannelSecret))))
            .ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(Settings))
            .ConfigureTestServices(ConfigureServices));
        if (ListensOnLoopback)
        {
            // Any free port: UseKestrel(0) falls back to the default port 5000, which parallel fixtures (and other test runs) share.
            _factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
            _factory.StartServer();
            Address = new Uri(_factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
        else
        {
            _ = _factory.Server;
        }
    }

    /// <summary>Whether the Api listens on a real loopback port (for clients that open their own connections).</summary>
    protected virtual bool ListensOnLoopback => false;

    /// <summary>Where the Api listens, when it listens on a real port.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Services a derived fixture replaces (such as the clock), after the Api registered its own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Settings a derived fixture adds or overrides.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public HttpClient CreateClient(string? key = Key)
    {
        var client = Factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A client that calls as a staff member would through the workspace: with a signed staff token.</summary>
    public HttpClient CreateStaffClient(string role, params string[] departments) =>
        CreateClient(StaffToken(role, departments));

    /// <summary>Tokens signed with the key this Api checks, as the workspace issues them.</summary>
    public static StaffTokens Tokens { get; } =
        new(Options.Create(new AccessOptions { SigningKey = SigningKey }), TimeProvider.System);

    public static string StaffToken(string role, params string[] departments) =>
        Tokens.IssueFor(CallerKind.Staff, Guid.NewGuid().ToString(), $"{role}@example.test", $"A {role}", [role], departments);

    /// <summary>Creates an API key with <paramref name="scopes"/> directly in the database and returns its secret.</summary>
    public async Task<string> CreateKeyAsync(string name, params string[] scopes)
    {
        var (key, secret) = ApiKey.Issue(name, scopes, "test", DateTimeOffset.UtcNow);
        await using var db = NewDbContext();
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>A context of its own on the same database, as another process would see it.</summary>
    public CrmDbContext NewDbContext() => new(CrmDatabaseExtensions.CrmDatabaseOptions(DatabaseConnectionString));

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    public virtual async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
