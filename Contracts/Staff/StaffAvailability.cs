namespace SocialEnterprise.Contracts.Staff;

/// <summary>Whether a staff member takes new conversations now.</summary>
public static class StaffAvailability
{
    public const string Available = "available";
    public const string Away = "away";

    /// <summary>Not signed in (the state of someone who never signed in).</summary>
    public const string Offline = "offline";

    public static readonly IReadOnlyList<string> All = [Available, Away, Offline];
}
