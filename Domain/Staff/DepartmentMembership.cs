namespace SocialEnterprise.Domain.Staff;

public static class StaffCapacity
{
    public const int Default = 8;
    public const int MaxSkills = 20;
}

/// <summary>A staff member belongs to one or more departments.</summary>
public sealed class DepartmentMembership
{
    public Guid StaffUserId { get; set; }

    public string DepartmentId { get; set; } = "";
}
