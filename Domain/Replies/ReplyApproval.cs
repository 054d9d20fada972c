using System.ComponentModel.DataAnnotations;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Conversations;

namespace SocialEnterprise.Domain.Replies;

/// <summary>
/// When a reply waits for approval before it leaves (configuration section <c>ReplyApproval</c>): public replies on
/// the chosen <see cref="Channels"/> (brand), and every reply in a conversation about one of the chosen
/// <see cref="Topics"/> (legal). Holders of one of the <see cref="ApproverRoles"/> approve: admins anywhere, others
/// in their own departments; nobody approves their own reply.
/// </summary>
public sealed class ReplyApproval : IValidatableObject
{
    public const string Section = "ReplyApproval";

    public List<string> Channels { get; set; } = [];

    public List<string> Topics { get; set; } = [];

    public static readonly IReadOnlyList<string> DefaultApproverRoles = [StaffRoles.Manager, StaffRoles.Admin];

    /// <summary>Empty means <see cref="DefaultApproverRoles"/> (the binder adds to a list, so the default cannot live in it).</summary>
    public List<string> ApproverRoles { get; set; } = [];

    public IReadOnlyList<string> Approvers => ApproverRoles.Count > 0 ? ApproverRoles : DefaultApproverRoles;

    /// <summary>Why a reply of <paramref name="visibility"/> on <paramref name="conversation"/> needs approval; null when it does not.</summary>
    public string? ReasonFor(Conversation conversation, string visibility)
    {
        if (conversation.Topic is { } topic && Topics.Contains(topic, StringComparer.Ordinal))
        {
            return $"Replies about {topic} need approval.";
        }

        return visibility == ReplyVisibilities.Public && Channels.Contains(conversation.Channel, StringComparer.Ordinal)
            ? $"Public replies on {conversation.Channel} need approval."
            : null;
    }

    /// <summary>Whether <paramref name="caller"/> may approve or reject <paramref name="reply"/>.</summary>
    public bool MayApprove(Caller caller, Reply reply) =>
        caller.Kind == CallerKind.Staff && caller.StaffId is { } staffId && staffId != reply.AuthorId
        && caller.Roles.Any(role => Approvers.Contains(role, StringComparer.Ordinal))
        && (caller.IsAdmin || caller.Departments.Contains(reply.Department));

    /// <summary>Whether <paramref name="caller"/> approves anything at all (the approvals list is empty for everyone else).</summary>
    public bool IsApprover(Caller caller) =>
        caller.Kind == CallerKind.Staff && caller.Roles.Any(role => Approvers.Contains(role, StringComparer.Ordinal));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var channel in Channels.Where(channel => !IngestChannels.All.Contains(channel)))
        {
            yield return new ValidationResult(
                $"'{channel}' is not a channel; one of: {string.Join(", ", IngestChannels.All.Order(StringComparer.Ordinal))}.", [nameof(Channels)]);
        }

        foreach (var role in ApproverRoles.Where(role => !StaffRoles.All.Contains(role)))
        {
            yield return new ValidationResult($"'{role}' is not a staff role; one of: {string.Join(", ", StaffRoles.All)}.", [nameof(ApproverRoles)]);
        }

        foreach (var topic in Topics.Where(topic => string.IsNullOrWhiteSpace(topic)))
        {
            yield return new ValidationResult("A topic must not be blank.", [nameof(Topics)]);
        }
    }
}
