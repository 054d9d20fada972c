using Microsoft.AspNetCore.Identity;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Staff;

namespace SocialEnterprise.Infrastructure.Staff;

/// <summary>An employee who signs in to the workspace. Roles are Identity roles; departments are memberships.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
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
