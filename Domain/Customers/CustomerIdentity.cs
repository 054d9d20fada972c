using SocialEnterprise.Contracts.Customers;

namespace SocialEnterprise.Domain.Customers;

/// <summary>
/// A customer as one channel knows them: (channel, handle), with the evidence that tied it to its customer and the
/// consent recorded for contacting them there.
/// </summary>
public sealed class CustomerIdentity
{
    private CustomerIdentity()
    {
    }

    public Guid Id { get; private set; }

    public Guid CustomerId { get; private set; }

    public string Channel { get; private set; } = "";

    /// <summary>Normalised: lower case, no leading @ (see <see cref="IdentityKeys.Handle"/>).</summary>
    public string Handle { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string? Email { get; private set; }

    public int Followers { get; private set; }

    /// <summary>Comparable display name (<see cref="IdentityKeys.Name"/>), indexed for merge suggestions.</summary>
    public string NameKey { get; private set; } = "";

    /// <summary>The letters of the handle (<see cref="IdentityKeys.HandleLetters"/>), indexed for merge suggestions.</summary>
    public string HandleKey { get; private set; } = "";

    public string Evidence { get; private set; } = IdentityEvidenceKinds.FirstSeen;

    /// <summary>How the identity was linked, in words: "same email ann@example.com as email/ann@example.com".</summary>
    public string EvidenceDetail { get; private set; } = "";

    public string Consent { get; private set; } = ConsentStatuses.Unknown;

    public string ConsentBasis { get; private set; } = "";

    public DateTimeOffset ConsentRecordedAt { get; private set; }

    public DateTimeOffset FirstSeenAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public static CustomerIdentity New(
        Guid customerId, string channel, string handle, string displayName, string? email, int? followers,
        string evidence, string evidenceDetail, DateTimeOffset now)
    {
        var identity = new CustomerIdentity
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customerId,
            Channel = channel,
            Handle = IdentityKeys.Handle(handle),
            DisplayName = displayName.Trim(),
            Email = IdentityKeys.Email(email),
            Followers = Math.Max(0, followers ?? 0),
            NameKey = IdentityKeys.Name(displayName),
            HandleKey = IdentityKeys.HandleLetters(handle),
            Evidence = evidence,
            EvidenceDetail = evidenceDetail,
            ConsentBasis = "Seen in public only; no consent to contact directly yet.",
            ConsentRecordedAt = now,
            FirstSeenAt = now,
            LastSeenAt = now,
        };
        return identity;
    }

    public void Observe(string displayName, string? email, int? followers, DateTimeOffset now)
    {
        DisplayName = displayName.Trim();
        NameKey = IdentityKeys.Name(displayName);
        Email = IdentityKeys.Email(email) ?? Email;
        if (followers is { } count)
        {
            Followers = Math.Max(0, count);
        }

        LastSeenAt = now;
    }

    /// <summary>A customer who writes to the company privately has asked to be answered there; a refusal is never overridden.</summary>
    public void ImplyConsentFromDirectContact(string kind, DateTimeOffset now)
    {
        if (Consent == ConsentStatuses.Unknown)
        {
            RecordConsent(ConsentStatuses.Granted, $"Wrote to us directly ({kind} on {Channel}).", now);
        }
    }

    public void RecordConsent(string status, string basis, DateTimeOffset now)
    {
        Consent = status;
        ConsentBasis = basis;
        ConsentRecordedAt = now;
    }

    public void MoveTo(Guid customerId) => CustomerId = customerId;
}

