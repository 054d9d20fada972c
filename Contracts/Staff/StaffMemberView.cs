namespace SocialEnterprise.Contracts.Staff;

/// <summary>A staff member as colleagues see them in the directory.</summary>
public sealed record StaffMemberView(Guid Id, string DisplayName, IReadOnlyList<string> Departments);
