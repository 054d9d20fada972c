using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Routing;

/// <summary>The staff members the routing rules assign to: their names and departments, read once per batch.</summary>
public sealed class RoutingAssignees(IReadOnlyDictionary<Guid, (string Name, IReadOnlySet<string> Departments)> staff)
{
    public static readonly RoutingAssignees None = new(new Dictionary<Guid, (string, IReadOnlySet<string>)>());

    public bool IsMember(Guid staffId, string department) => staff.TryGetValue(staffId, out var member) && member.Departments.Contains(department);

    public string? NameOf(Guid staffId) => staff.TryGetValue(staffId, out var member) ? member.Name : null;

    public static async Task<RoutingAssignees> ReadAsync(CrmDbContext db, IEnumerable<RoutingRule> rules, CancellationToken cancellationToken)
    {
        var ids = rules.SelectMany(rule => rule.Actions).Where(action => action.AssigneeId is not null).Select(action => action.AssigneeId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return None;
        }

        var members = await db.Users.AsNoTracking()
            .Where(user => ids.Contains(user.Id))
            .Select(user => new { user.Id, user.DisplayName, Departments = user.Departments.Select(d => d.DepartmentId).ToList() })
            .ToListAsync(cancellationToken);
        return new RoutingAssignees(members.ToDictionary(
            member => member.Id, member => (member.DisplayName, (IReadOnlySet<string>)member.Departments.ToHashSet(StringComparer.Ordinal))));
    }
}

public static class RoutingDefaults
{
    /// <summary>The rules' decision completed by the default routing (<see cref="DefaultRouting"/>) for whatever they left open.</summary>
    public static Domain.Conversations.Routing Complete(
        RuleDecision decision, MessageClassification classification, TopicCatalogue topics, int influence, string tier, RoutingAssignees assignees)
    {
        var department = DefaultRouting.DepartmentOf(classification, topics, out var departmentWhy);
        var priority = DefaultRouting.PriorityOf(classification.Urgency, influence, tier, out var priorityWhy);
        var routing = decision.Complete(new Domain.Conversations.Routing(department, priority, ""), departmentWhy, priorityWhy, assignees.IsMember);
        return routing.AssigneeId is { } assignee ? routing with { AssigneeName = assignees.NameOf(assignee) } : routing;
    }
}
