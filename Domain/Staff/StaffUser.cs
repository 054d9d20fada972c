using Microsoft.AspNetCore.Identity;

namespace SocialEnterprise.Domain.Staff;

/// <summary>An employee who signs in to the workspace. Roles are Identity roles; departments are memberships.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public const int MaxDisplayNameLength = 100;

    public string DisplayName { get; set; } = "";

    public List<DepartmentMembership> Departments { get; } = [];

    /// <summary>Topic keys (see the topic catalogue) the staff member knows best: assignment prefers them for those topics.</summary>
    public List<string> Skills { get; set; } = [];

    /// <summary>How many open conversations may be assigned to them at once; past it new ones wait in the queue.</summary>
    public int Capacity { get; set; } = StaffCapacity.Default;

    /// <summary>One of <see cref="StaffAvailability"/>: only available staff get new conversations.</summary>
    public string Availability { get; set; } = StaffAvailability.Offline;

    /// <summary>When a conversation was last assigned to them, so least-load can favour whoever waited longest.</summary>
    public DateTimeOffset? LastAssignedAt { get; set; }
}

/// <summary>Whether a staff member takes new conversations now.</summary>
public static class StaffAvailability
{
    public const string Available = "available";
    public const string Away = "away";

    /// <summary>Not signed in (the state of someone who never signed in).</summary>
    public const string Offline = "offline";

    public static readonly IReadOnlyList<string> All = [Available, Away, Offline];
}

public static class StaffCapacity
{
    public const int Default = 8;
    public const int Max = 100;
    public const int MaxSkills = 20;
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
