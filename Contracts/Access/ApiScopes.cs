namespace SocialEnterprise.Contracts.Access;

/// <summary>What an API key may do.</summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Ingest = "ingest";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Read, Write, Ingest, Admin];
}
