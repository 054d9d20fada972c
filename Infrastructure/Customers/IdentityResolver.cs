using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Customers;

/// <summary>
/// Ties an event's author to a customer: the known identity, else an identity of the same email or one the author
/// declares, else a new customer — for whom likely matches become merge suggestions, never silent merges.
/// </summary>
public sealed class IdentityResolver(CrmDbContext db, IntakeLookups lookups)
{
    public const int MaxSuggestions = 5;

    public async Task<(Customer Customer, CustomerIdentity Identity)> ResolveAsync(
        string channel, string kind, IngestAuthor author, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var handle = IdentityKeys.Handle(author.Handle!);
        var email = IdentityKeys.Email(author.Email);
        var identity = await FindAsync(channel, handle, cancellationToken);
        Customer customer;
        if (identity is not null)
        {
            identity.Observe(author.DisplayName!, email, author.Followers, now);
            customer = await CustomerOfAsync(identity, cancellationToken);
            customer.Observe(email, author.Followers, now);
            await SuggestDeclaredLinksAsync(customer, author, now, cancellationToken);
        }
        else
        {
            (customer, identity) = await LinkNewIdentityAsync(channel, handle, email, author, now, cancellationToken);
        }

        if (MessageKinds.Private.Contains(kind))
        {
            identity.ImplyConsentFromDirectContact(kind, now);
        }

        return (customer, identity);
    }

    private async Task<(Customer, CustomerIdentity)> LinkNewIdentityAsync(
        string channel, string handle, string? email, IngestAuthor author, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (email is not null
            && (lookups.WithEmail(email) is { } known
                ? known.OrderBy(i => i.FirstSeenAt).FirstOrDefault()
                : await db.CustomerIdentities.Where(i => i.Email == email).OrderBy(i => i.FirstSeenAt).FirstOrDefaultAsync(cancellationToken)) is { } sameEmail)
        {
            return await JoinAsync(sameEmail, IdentityEvidenceKinds.SameEmail, $"same email {email} as {sameEmail.Channel}/@{sameEmail.Handle}");
        }

        foreach (var (linkChannel, linkHandle) in DeclaredLinks(author))
        {
            if (await FindAsync(linkChannel, linkHandle, cancellationToken) is { } declared)
            {
                return await JoinAsync(declared, IdentityEvidenceKinds.DeclaredLink, $"declares {linkChannel}/@{linkHandle} as their own profile");
            }
        }

        var customer = Customer.New(author.DisplayName!.Trim(), email, author.Followers ?? 0, now);
        var identity = CustomerIdentity.New(
            customer.Id, channel, handle, author.DisplayName, email, author.Followers, IdentityEvidenceKinds.FirstSeen,
            $"first seen on {channel} as @{handle}", now);
        db.Customers.Add(customer);
        db.CustomerIdentities.Add(identity);
        lookups.Added(identity);
        await SuggestLookalikesAsync(customer, identity, now, cancellationToken);
        return (customer, identity);

        async Task<(Customer, CustomerIdentity)> JoinAsync(CustomerIdentity existing, string evidence, string detail)
        {
            var owner = await CustomerOfAsync(existing, cancellationToken);
            owner.Observe(email, author.Followers, now);
            var joined = CustomerIdentity.New(owner.Id, channel, handle, author.DisplayName!, email, author.Followers, evidence, detail, now);
            db.CustomerIdentities.Add(joined);
            lookups.Added(joined);
            return (owner, joined);
        }
    }

    /// <summary>A declared link to an identity that already belongs to someone else is strong evidence, but still staff's call.</summary>
    private async Task SuggestDeclaredLinksAsync(Customer customer, IngestAuthor author, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var (linkChannel, linkHandle) in DeclaredLinks(author))
        {
            if (await FindAsync(linkChannel, linkHandle, cancellationToken) is { } declared && declared.CustomerId != customer.Id)
            {
                await SuggestAsync(customer.Id, declared.CustomerId, $"declares {linkChannel}/@{linkHandle} as their own profile", 0.95, now, cancellationToken);
            }
        }
    }

    private async Task SuggestLookalikesAsync(Customer customer, CustomerIdentity identity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nameKey = IdentityKeys.IsDistinctiveName(identity.NameKey) ? identity.NameKey : null;
        var handleKey = IdentityKeys.IsDistinctiveHandle(identity.HandleKey) ? identity.HandleKey : null;
        if (nameKey is null && handleKey is null)
        {
            return;
        }

        var lookalikes = lookups.Alike(nameKey, handleKey) is { } known
            ? [.. known.Where(i => i.CustomerId != customer.Id).OrderBy(i => i.FirstSeenAt).Take(MaxSuggestions * 3)]
            : await db.CustomerIdentities
                .Where(i => i.CustomerId != customer.Id && (i.NameKey == nameKey || i.HandleKey == handleKey))
                .OrderBy(i => i.FirstSeenAt)
                .Take(MaxSuggestions * 3)
                .ToListAsync(cancellationToken);

        foreach (var group in lookalikes.GroupBy(i => i.CustomerId).Take(MaxSuggestions))
        {
            var reasons = new List<string>();
            var score = 0.0;
            if (group.FirstOrDefault(i => i.NameKey == nameKey) is { } sameName)
            {
                reasons.Add($"same name \"{identity.DisplayName}\" as {sameName.Channel}/@{sameName.Handle}");
                score += 0.5;
            }

            if (group.FirstOrDefault(i => i.HandleKey == handleKey) is { } similarHandle)
            {
                reasons.Add($"handle @{identity.Handle} is like {similarHandle.Channel}/@{similarHandle.Handle}");
                score += 0.4;
            }

            // The customer was created just now: no stored suggestion can name them yet.
            await SuggestAsync(customer.Id, group.Key, string.Join("; ", reasons), Math.Min(score, 0.9), now, cancellationToken, isNewCustomer: true);
        }
    }

    private async Task SuggestAsync(
        Guid customerId, Guid candidateId, string reason, double score, DateTimeOffset now, CancellationToken cancellationToken, bool isNewCustomer = false)
    {
        var exists = db.MergeSuggestions.Local.Any(s => Pair(s.CustomerId, s.CandidateId) == Pair(customerId, candidateId))
            || (!isNewCustomer && await db.MergeSuggestions.AnyAsync(
                s => (s.CustomerId == customerId && s.CandidateId == candidateId) || (s.CustomerId == candidateId && s.CandidateId == customerId),
                cancellationToken));
        if (!exists)
        {
            db.MergeSuggestions.Add(MergeSuggestion.New(customerId, candidateId, reason, score, now));
        }
    }

    /// <summary>The identity of that handle on that channel: from what the batch read, else from the database.</summary>
    private async Task<CustomerIdentity?> FindAsync(string channel, string handle, CancellationToken cancellationToken) =>
        lookups.TryGetIdentity(channel, handle, out var known)
            ? known
            : await db.CustomerIdentities.SingleOrDefaultAsync(i => i.Channel == channel && i.Handle == handle, cancellationToken);

    /// <summary>Found among the tracked customers first (the batch read them with their identities).</summary>
    private async Task<Customer> CustomerOfAsync(CustomerIdentity identity, CancellationToken cancellationToken) =>
        await db.Customers.FindAsync([identity.CustomerId], cancellationToken)
            ?? throw new InvalidOperationException($"Identity {identity.Id} belongs to customer {identity.CustomerId}, which does not exist.");

    private static (Guid, Guid) Pair(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);

    private static IEnumerable<(string Channel, string Handle)> DeclaredLinks(IngestAuthor author) =>
        (author.Links ?? []).Select(link => (link.Channel!, IdentityKeys.Handle(link.Handle!))).Distinct();
}
