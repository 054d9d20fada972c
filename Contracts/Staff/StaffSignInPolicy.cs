namespace SocialEnterprise.Contracts.Staff;

/// <summary>The rules of staff sign-in that the Api (which creates staff) and the workspace (where they sign in) share.</summary>
public static class StaffSignInPolicy
{
    public const int MinPasswordLength = 12;

    /// <summary>Failed sign-ins in a row after which an account is locked for <see cref="LockoutDuration"/>.</summary>
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
}
