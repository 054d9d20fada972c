using Microsoft.AspNetCore.Identity;

namespace SocialEnterprise.Domain.Staff;

/// <summary>An employee who signs in to the workspace. Roles are Identity roles; departments are memberships.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 100;

    public string DisplayName { get; set; } = "";

    public List<DepartmentMembership> Departments { get; } = [];
}

/// <summary>A staff member belongs to one or more departments.</summary>
public sealed class DepartmentMembership
{
    public Guid StaffUserId { get; set; }

    public string DepartmentId { get; set; } = "";
}

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

/// <summary>A staff member as colleagues see them in the directory.</summary>
public sealed record StaffMemberView(Guid Id, string DisplayName, IReadOnlyList<string> Departments);
