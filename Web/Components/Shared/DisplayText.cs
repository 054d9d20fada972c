using System.Globalization;
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

    /// <summary>A channel as people name it ("X", "LinkedIn", "Review sites"), not its identifier: for labels, legends and sentences alike.</summary>
    public static string Channel(string channel) => channel switch
    {
        IngestChannels.X => "X",
        IngestChannels.Facebook => "Facebook",
        IngestChannels.LinkedIn => "LinkedIn",
        IngestChannels.Reviews => "Review sites",
        IngestChannels.Community => "Community",
        IngestChannels.Email => "Email",
        IngestChannels.Chat => "Chat",
        _ => channel,
    };

    /// <summary>How a customer wrote, in words: "X · direct message", "Facebook · comment", "Email" (the kind is the channel's own).</summary>
    public static string HowWritten(string channel, string kind)
    {
        var name = Channel(channel);
        var how = kind switch
        {
            MessageKinds.DirectMessage => "direct message",
            MessageKinds.Email or MessageKinds.Chat or MessageKinds.Review when channel is IngestChannels.Email or IngestChannels.Chat or IngestChannels.Reviews => null,
            "" => null,
            _ => kind,
        };
        return how is null ? name : $"{name} · {how}";
    }

    /// <summary>A language code as its name ("en" → "English"); the classifier's "und" (undetermined) as such.</summary>
    public static string Language(string code)
    {
        if (code is "und" or "")
        {
            return "Language unknown";
        }

        try
        {
            return CultureInfo.GetCultureInfo(code, predefinedOnly: true).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    /// <summary>A label as the start of a sentence: "complaint" → "Complaint".</summary>
    public static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

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
