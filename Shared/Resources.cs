namespace SocialEnterprise.Shared;

/// <summary>
/// The names of the system's resources, as the Aspire AppHost declares them and as the services read them back
/// from configuration (<c>ConnectionStrings__crmdb</c>, <c>services__api__http__0</c>, ...).
/// </summary>
public static class Resources
{
    public const string Postgres = "postgres";
    public const string Database = "crmdb";
    public const string Cache = "cache";
    public const string Api = "api";
    public const string Workers = "workers";
    public const string Web = "web";

    /// <summary>The development channel sandbox: every channel's outbound connector.</summary>
    public const string Channels = "channels";

    /// <summary>Simulated customer traffic, started on demand.</summary>
    public const string Simulator = "simulator";
}

/// <summary>The documented ports the AppHost gives the services and local servers (README, Configuration).</summary>
public static class DefaultPorts
{
    public const int Web = 5080;
    public const int Api = 5180;
    public const int Workers = 5280;
    public const int Postgres = 5481;
    public const int Cache = 6381;
}

/// <summary>
/// The settings that tie the workspace and the Api together and seed a development system, as the AppHost sets them.
/// </summary>
public static class AccessSettings
{
    /// <summary>The key the workspace signs its calls to the Api with and the Api checks them with.</summary>
    public const string SigningKey = "Auth__SigningKey";
    public const string SigningKeyParameter = "signing-key";

    /// <summary>Seed the demo company's staff (development only; README lists them).</summary>
    public const string SeedDemoCompany = "Seed__DemoCompany";

    /// <summary>Seed an API key with every scope, with this secret: your own calls and the dashboard's commands use it.</summary>
    public const string SeedAdminKey = "Seed__AdminKey";

    public const string AdminKeyParameter = "admin-key";

    /// <summary>The documented development value of the seeded admin key.</summary>
    public const string DevAdminKey = "dev-admin-key";

    /// <summary>The documented password of every demo staff member (development only).</summary>
    public const string DemoPassword = "Demo-Password-2026";

    /// <summary>The e-mail domain of the demo company's staff.</summary>
    public const string DemoDomain = "demo.socialenterprise.local";
}

/// <summary>The channels' webhook secrets, as the Api reads them and the AppHost sets them.</summary>
public static class IngestSettings
{
    public const string X = "x";
    public const string Facebook = "facebook";
    public const string LinkedIn = "linkedin";
    public const string Reviews = "reviews";
    public const string Community = "community";
    public const string Email = "email";
    public const string Chat = "chat";

    /// <summary>Every channel that posts to <c>/api/ingest/{channel}</c>.</summary>
    public static readonly IReadOnlyList<string> Channels = [X, Facebook, LinkedIn, Reviews, Community, Email, Chat];

    public const string SecretParameter = "ingest-secret";

    /// <summary>The documented secret of every channel in local development (README), unless configured.</summary>
    public const string DevSecret = "dev-secret";

    /// <summary>The environment variable of a channel's secret: <c>Ingest__Secrets__x</c>.</summary>
    public static string SecretOf(string channel) => $"Ingest__Secrets__{channel}";
}

/// <summary>The channels' outbound connectors, as the Workers and the Api read them and the AppHost sets them.</summary>
public static class OutboundSettings
{
    public const string SecretParameter = "outbound-secret";

    /// <summary>The secret the development channel sandbox signs with, on every channel, unless configured.</summary>
    public const string DevSecret = "dev-outbound-secret";

    /// <summary>The environment variable of a channel's outbound secret: <c>Outbound__Secrets__x</c>.</summary>
    public static string SecretOf(string channel) => $"Outbound__Secrets__{channel}";

    /// <summary>The environment variable of a channel's connector URL: <c>Outbound__Channels__x__Url</c>.</summary>
    public static string UrlOf(string channel) => $"Outbound__Channels__{channel}__Url";
}
