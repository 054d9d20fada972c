namespace SocialEnterprise.Contracts.Customers;

/// <summary>Why an identity belongs to its customer.</summary>
public static class IdentityEvidenceKinds
{
    /// <summary>The first identity of a new customer.</summary>
    public const string FirstSeen = "first-seen";

    /// <summary>The same email address as an identity of the customer.</summary>
    public const string SameEmail = "same-email";

    /// <summary>The customer declared the profile as theirs (a link on their profile).</summary>
    public const string DeclaredLink = "declared-link";

    /// <summary>Staff merged the customer it came from into this one.</summary>
    public const string StaffMerge = "staff-merge";

    public static readonly IReadOnlyList<string> All = [FirstSeen, SameEmail, DeclaredLink, StaffMerge];
}
