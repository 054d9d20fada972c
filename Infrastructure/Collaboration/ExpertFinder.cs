using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Collaboration;

/// <summary>
/// Who to consult on a conversation: the members of its topic's department, those skilled in the topic, and whoever
/// answered consults or wrote notes on conversations of the same topic. Answers weigh most, then skills, then notes
/// and membership.
/// </summary>
public static class ExpertFinder
{
    public const int MaxSuggestions = 5;

    private const int AnswerWeight = 3;

    private const int NoteWeight = 1;

    private const int SkillWeight = 2;

    private const int MembershipWeight = 1;

    public static async Task<IReadOnlyList<ExpertSuggestion>> SuggestAsync(
        CrmDbContext db, Conversation conversation, string? department, Guid? excluding, CancellationToken cancellationToken)
    {
        if (conversation.Topic is not { } topic)
        {
            return [];
        }

        var topicDepartment = await db.Topics.AsNoTracking().Where(t => t.Key == topic).Select(t => t.Department).SingleOrDefaultAsync(cancellationToken);
        var answers = await (
                from consult in db.Consults
                join c in db.Conversations on consult.ConversationId equals c.Id
                where c.Topic == topic && consult.State == ConsultStates.Answered && consult.AnsweredById != null
                group consult by consult.AnsweredById into answered
                select new { StaffId = answered.Key!.Value, Count = answered.Count() })
            .ToDictionaryAsync(a => a.StaffId, a => a.Count, cancellationToken);
        var notes = await (
                from note in db.ConversationNotes
                join c in db.Conversations on note.ConversationId equals c.Id
                where c.Topic == topic
                group note by note.AuthorId into written
                select new { StaffId = written.Key, Count = written.Count() })
            .ToDictionaryAsync(n => n.StaffId, n => n.Count, cancellationToken);
        var candidates = answers.Keys.Union(notes.Keys).ToList();
        var staff = await db.Users.AsNoTracking()
            .Where(u => candidates.Contains(u.Id) || u.Skills.Contains(topic)
                || (topicDepartment != null && u.Departments.Any(d => d.DepartmentId == topicDepartment)))
            .Select(u => new { u.Id, u.DisplayName, u.Skills, Departments = u.Departments.Select(d => d.DepartmentId).Order().ToList() })
            .ToListAsync(cancellationToken);

        var suggestions = new List<ExpertSuggestion>();
        foreach (var member in staff.Where(member => member.Id != excluding && (department is null || member.Departments.Contains(department))))
        {
            var reasons = new List<string>();
            var score = 0;
            if (answers.TryGetValue(member.Id, out var answered))
            {
                score += answered * AnswerWeight;
                reasons.Add($"answered {answered} {topic} consult{(answered == 1 ? "" : "s")}");
            }

            if (notes.TryGetValue(member.Id, out var written))
            {
                score += written * NoteWeight;
                reasons.Add($"wrote {written} note{(written == 1 ? "" : "s")} on {topic} conversations");
            }

            if (member.Skills.Contains(topic))
            {
                score += SkillWeight;
                reasons.Add($"skilled in {topic}");
            }

            if (topicDepartment is not null && member.Departments.Contains(topicDepartment))
            {
                score += MembershipWeight;
                reasons.Add($"in {topicDepartment}, the {topic} department");
            }

            suggestions.Add(new ExpertSuggestion(member.Id, member.DisplayName, member.Departments, score, reasons));
        }

        return suggestions
            .OrderByDescending(s => s.Score).ThenBy(s => s.DisplayName, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .ToList();
    }
}
