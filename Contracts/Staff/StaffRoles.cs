namespace SocialEnterprise.Contracts.Staff;

/// <summary>What a staff member may do, from least to most: the workspace and the Api apply the same rules.</summary>
public static class StaffRoles
{
    /// <summary>Sees and manages everything, including API keys and the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>Works and oversees their departments' conversations and reports.</summary>
    public const string Manager = "manager";

    /// <summary>Answers customers in their departments.</summary>
    public const string Agent = "agent";

    /// <summary>A non-support employee who works consults and follows conversations.</summary>
    public const string Member = "member";

    public static readonly IReadOnlyList<string> All = [Admin, Manager, Agent, Member];
}
