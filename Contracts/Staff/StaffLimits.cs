namespace SocialEnterprise.Contracts.Staff;

/// <summary>The limits on staff accounts and signing in: the Api enforces them, the workspace's forms show them.</summary>
public static class StaffLimits
{
    public const int MaxDisplayNameLength = 100;

    public const int MaxCapacity = 100;

    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
}
