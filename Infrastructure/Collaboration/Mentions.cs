using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Collaboration;

/// <summary>
/// The <c>@mentions</c> in a note. <c>@department</c> (its key, such as <c>@legal</c>) mentions every member of the
/// department; otherwise <c>@name</c> mentions the staff member whose user name (before the <c>@</c> of the e-mail),
/// display name without spaces (<c>@LenaLegal</c>) or first name (<c>@lena</c>, when only one colleague has it) it
/// is, ignoring case. A department key wins over a person of the same name.
/// </summary>
public static partial class Mentions
{
    [GeneratedRegex(@"(?<![\w@.])@([\p{L}\p{N}][\p{L}\p{N}._-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    /// <summary>The handles mentioned in <paramref name="text"/>, without the <c>@</c>, lower-cased, each once.</summary>
    public static IReadOnlyList<string> HandlesIn(string text) =>
        MentionPattern().Matches(text)
            .Select(match => match.Groups[1].Value.TrimEnd('.', '-', '_').ToLowerInvariant())
            .Where(handle => handle.Length > 0)
            .Distinct()
            .ToList();

    /// <summary>Who <paramref name="text"/> mentions: the departments and the people (department members included).</summary>
    public static async Task<MentionedStaff> ResolveAsync(CrmDbContext db, string text, CancellationToken cancellationToken)
    {
        var handles = HandlesIn(text);
        if (handles.Count == 0)
        {
            return MentionedStaff.None;
        }

        var departments = Department.Standard.Select(d => d.Id).Where(handles.Contains).ToList();
        var people = handles.Except(departments).ToList();
        var staff = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.UserName, u.DisplayName, Departments = u.Departments.Select(d => d.DepartmentId).ToList() })
            .ToListAsync(cancellationToken);
        var recipients = new HashSet<Guid>();
        foreach (var member in staff.Where(member => member.Departments.Any(departments.Contains)))
        {
            recipients.Add(member.Id);
        }

        var personal = new HashSet<Guid>();
        foreach (var handle in people)
        {
            var exact = staff.Where(member =>
                string.Equals(UserHandle(member.UserName), handle, StringComparison.OrdinalIgnoreCase)
                || string.Equals(member.DisplayName.Replace(" ", "", StringComparison.Ordinal), handle, StringComparison.OrdinalIgnoreCase)).ToList();
            var byFirstName = exact.Count > 0 ? exact : staff.Where(member =>
                string.Equals(member.DisplayName.Split(' ', 2)[0], handle, StringComparison.OrdinalIgnoreCase)).ToList();
            if (byFirstName.Count == 1 || exact.Count > 0)
            {
                foreach (var member in byFirstName)
                {
                    personal.Add(member.Id);
                    recipients.Add(member.Id);
                }
            }
        }

        return new MentionedStaff(departments, personal, recipients);
    }

    /// <summary>
    /// Makes everyone a note mentions a participant of the conversation (so they see it wherever it is routed) and
    /// tells them; the author is neither.
    /// </summary>
    public static async Task NotifyAsync(
        CrmDbContext db, Guid conversationId, Guid authorId, string authorName, string text, MentionedStaff mentioned, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var recipients = mentioned.Recipients.Where(recipient => recipient != authorId).ToList();
        if (recipients.Count == 0)
        {
            return;
        }

        var already = await db.ConversationParticipants
            .Where(p => p.ConversationId == conversationId && p.Reason == ParticipationReasons.Mentioned && recipients.Contains(p.StaffId))
            .Select(p => p.StaffId)
            .ToListAsync(cancellationToken);
        db.ConversationParticipants.AddRange(recipients.Except(already).Select(recipient => ConversationParticipant.Mention(conversationId, recipient, now)));
        var preview = Conversation.PreviewOf(text);
        StaffNotifications.Notify(
            db, recipients.Where(mentioned.People.Contains), authorId, NotificationKinds.Mention,
            $"{authorName} mentioned you: {preview}", StaffNotifications.ConversationLink(conversationId), now);
        // Someone mentioned by name and through a department, or through two, hears of it once.
        var told = new HashSet<Guid>(mentioned.People);
        foreach (var department in mentioned.Departments)
        {
            var members = await db.DepartmentMemberships
                .Where(m => m.DepartmentId == department)
                .Select(m => m.StaffUserId)
                .ToListAsync(cancellationToken);
            StaffNotifications.Notify(
                db, members.Where(told.Add).ToList(), authorId, NotificationKinds.Mention,
                $"{authorName} mentioned {department}: {preview}", StaffNotifications.ConversationLink(conversationId), now);
        }
    }

    private static string UserHandle(string? userName) => userName is null ? "" : userName.Split('@', 2)[0];
}

/// <summary>Who a note mentions: <see cref="Recipients"/> are everyone it reaches, the departments' members included.</summary>
public sealed record MentionedStaff(IReadOnlyList<string> Departments, IReadOnlySet<Guid> People, IReadOnlySet<Guid> Recipients)
{
    public static readonly MentionedStaff None = new([], new HashSet<Guid>(), new HashSet<Guid>());
}
