namespace SocialEnterprise.Contracts.Staff;

/// <summary>The limits on staff accounts and signing in: the Api enforces them, the workspace's forms show them.</summary>
public static class StaffLimits
{
    public const int MaxDisplayNameLength = 100;

    public const int MaxCapacity = 100;

    public const int MinPasswordLength = 12;

    /// <summary>Failed sign-ins in a row after which an account is locked for <see cref="LockoutDuration"/>.</summary>
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
}
