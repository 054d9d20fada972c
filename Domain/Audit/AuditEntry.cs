using SocialEnterprise.Contracts.Audit;

namespace SocialEnterprise.Domain.Audit;

/// <summary>
/// Who did what, when, from where: an append-only record (the database refuses updates and deletes) that admins can
/// search. Entries are saved in the same transaction as the change they describe.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry(DateTimeOffset occurredAt, string actor, string actorKind, string action, string? target, string? detail, string? address)
    {
        OccurredAt = occurredAt;
        Actor = actor;
        ActorKind = actorKind;
        Action = action;
        Target = target;
        Detail = detail;
        Address = address;
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The staff member's user name, the API key's name, or what an anonymous caller claimed to be.</summary>
    public string Actor { get; private set; }

    /// <summary>One of <see cref="AuditActorKinds"/>.</summary>
    public string ActorKind { get; private set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string Action { get; private set; }

    public string? Target { get; private set; }

    public string? Detail { get; private set; }

    /// <summary>The caller's IP address, where there was a caller.</summary>
    public string? Address { get; private set; }

    public static AuditEntry Record(
        DateTimeOffset at, string actor, string actorKind, string action, string? target = null, string? detail = null, string? address = null) =>
        new(at, Truncate(actor, 256)!, actorKind, action, Truncate(target, 256), Truncate(detail, 2000), Truncate(address, 64));

    private static string? Truncate(string? value, int length) => value is { } text && text.Length > length ? text[..length] : value;
}
