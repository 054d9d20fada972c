using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Domain.Customers;

namespace SocialEnterprise.Infrastructure.Customers;

/// <summary>The customers records the Api answers with, made from the entities.</summary>
public static class CustomerViews
{
    public static IdentityView IdentityView(CustomerIdentity identity) => new(
        identity.Id, identity.Channel, identity.Handle, identity.DisplayName, identity.Email, identity.Followers, identity.EvidenceDetail,
        identity.Evidence, new ConsentView(identity.Consent, identity.ConsentBasis, identity.ConsentRecordedAt),
        identity.FirstSeenAt, identity.LastSeenAt);
}
