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
}

/// <summary>The ports the local runner uses unless told otherwise (see README, Configuration).</summary>
public static class DefaultPorts
{
    public const int Web = 5080;
    public const int Api = 5180;
    public const int Workers = 5280;
    public const int Postgres = 5481;
    public const int Cache = 6381;
}

/// <summary>
/// How the workspace authenticates to the Api: the Api accepts the keys under <c>ApiAccess:Keys:&lt;name&gt;</c>, the
/// workspace presents <c>Api:Key</c>. The AppHost and the local runner set both from one secret.
/// </summary>
public static class WorkspaceApiKey
{
    public const string Name = "workspace";
    public const string ApiSetting = "ApiAccess__Keys__" + Name;
    public const string WebSetting = "Api__Key";
    public const string Parameter = "api-key";
}
