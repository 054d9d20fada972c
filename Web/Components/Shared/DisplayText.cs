using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Web.Components.Shared;

/// <summary>How the workspace writes handles and counts, the same on every page.</summary>
public static class DisplayText
{
    /// <summary>A channel handle as people write it (<c>@ann_lee</c>); an email address stays as it is.</summary>
    public static string Handle(string handle)
    {
        var bare = handle.Trim().TrimStart('@');
        return bare.Length == 0 || bare.Contains('@', StringComparison.Ordinal) ? bare : "@" + bare;
    }

    /// <summary>A channel as people name it ("X", "LinkedIn", "review sites"), not its identifier.</summary>
    public static string Channel(string channel) => channel switch
    {
        IngestChannels.X => "X",
        IngestChannels.Facebook => "Facebook",
        IngestChannels.LinkedIn => "LinkedIn",
        IngestChannels.Reviews => "review sites",
        IngestChannels.Community => "the community",
        IngestChannels.Email => "email",
        IngestChannels.Chat => "chat",
        _ => channel,
    };

    public static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";

    /// <summary>Up to two initials for an avatar ("Alex Agent" → "AA").</summary>
    public static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(word => char.ToUpperInvariant(word[0])));

    /// <summary>Why an identity belongs to its customer: the resolver's own words, or the kind of evidence when it gave none.</summary>
    public static string Evidence(IdentityView identity) =>
        !string.IsNullOrWhiteSpace(identity.Evidence) ? identity.Evidence : identity.EvidenceKind switch
        {
            IdentityEvidenceKinds.FirstSeen => "first seen",
            IdentityEvidenceKinds.SameEmail => "same email",
            IdentityEvidenceKinds.DeclaredLink => "declared by the customer",
            IdentityEvidenceKinds.StaffMerge => "merged by staff",
            _ => identity.EvidenceKind,
        };
}
