namespace SocialEnterprise.Contracts.ServiceLevels;

public static class ServiceLevelMetrics
{
    public const string FirstResponse = "first-response";
    public const string NextResponse = "next-response";
    public const string Resolution = "resolution";

    /// <summary>A department's answer to a consult (operational-level agreement).</summary>
    public const string Consult = "consult";

    public static readonly IReadOnlyList<string> All = [FirstResponse, NextResponse, Resolution, Consult];
}
