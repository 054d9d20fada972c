using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.ServiceLevels;

/// <summary>
/// The rules engine's escalation rules, tried when a clock's moment fires (their trigger): in position order, every
/// enabled rule whose conditions hold acts on the conversation (raise its priority, reassign it, notify a manager),
/// until one that stops after matching. Each action is recorded (<see cref="ConversationEscalated"/>) and audited with
/// who, what and why, in the firing's transaction.
/// </summary>
public sealed class Escalations(CrmDbContext db, DateTimeOffset now)
{
    public const string AuditActor = "escalation rules";

    public async Task ApplyAsync(string trigger, IReadOnlyList<FiredClock> fired, CancellationToken cancellationToken)
    {
        var rules = await db.RoutingRules.AsNoTracking()
            .Where(r => r.Enabled && r.Trigger == trigger)
            .OrderBy(r => r.Position).ThenBy(r => r.CreatedAt)
            .ToListAsync(cancellationToken);
        if (rules.Count == 0)
        {
            return;
        }

        var ids = fired.Select(f => f.ConversationId).Distinct().ToList();
        var conversations = await db.Conversations.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var clock in fired)
        {
            if (conversations.TryGetValue(clock.ConversationId, out var conversation))
            {
                await ApplyAsync(trigger, rules, clock, conversation, cancellationToken);
            }
        }
    }

    private async Task ApplyAsync(string trigger, List<RoutingRule> rules, FiredClock clock, Conversation conversation, CancellationToken cancellationToken)
    {
        var why = Why(trigger, clock.Metric);
        foreach (var rule in rules)
        {
            if (!rule.Conditions.All(condition => Holds(condition, clock, conversation)))
            {
                continue;
            }

            var by = $"rule “{rule.Name}” (#{rule.Position})";
            foreach (var action in rule.Actions)
            {
                var done = action.Type switch
                {
                    RoutingActionTypes.RaisePriority => RaisePriority(action, conversation, by, why),
                    RoutingActionTypes.Reassign => await ReassignAsync(action, conversation, by, why, cancellationToken),
                    RoutingActionTypes.NotifyManager => await NotifyAsync(action, conversation, by, why, cancellationToken),
                    _ => null,
                };
                if (done is not null)
                {
                    db.EventLog.Add(EventLogEntry.For(new ConversationEscalated(
                        conversation.Id, conversation.Department, rule.Id, rule.Name, rule.Position, trigger, clock.Metric, action.Type, done, now)));
                    db.AuditLog.Add(AuditEntry.Record(
                        now, AuditActor, AuditActorKinds.System, AuditActions.ConversationEscalated, $"conversation/{conversation.Id}", done));
                }
            }

            if (rule.StopAfterMatch)
            {
                break;
            }
        }
    }

    /// <summary>"the first response breached", "the resolution is at risk", "a breach of the next response is predicted".</summary>
    public static string Why(string trigger, string metric) => trigger switch
    {
        RoutingTriggers.SlaBreach => $"{ServiceLevelWords.Metric(metric)} breached",
        RoutingTriggers.SlaWarning => $"{ServiceLevelWords.Metric(metric)} is at risk",
        _ => $"a breach of {ServiceLevelWords.Metric(metric)} is predicted",
    };

    private static bool Holds(RoutingCondition condition, FiredClock clock, Conversation conversation)
    {
        var actual = condition.Field switch
        {
            EscalationFields.Metric => clock.Metric,
            EscalationFields.Department => conversation.Department,
            EscalationFields.Priority => conversation.Priority,
            RoutingFields.Channel => conversation.Channel,
            RoutingFields.Type => conversation.Type,
            RoutingFields.Sentiment => conversation.Sentiment,
            RoutingFields.Topic => conversation.Topic ?? "none",
            RoutingFields.Language => conversation.Language,
            _ => null,
        };
        return actual is not null && condition.Values.Contains(actual, StringComparer.OrdinalIgnoreCase);
    }

    private string? RaisePriority(RoutingAction action, Conversation conversation, string by, string why)
    {
        var rank = Priorities.Rank(conversation.Priority);
        var target = action.Priority ?? Priorities.All[Math.Min(rank + 1, Priorities.All.Count - 1)];
        if (Priorities.Rank(target) <= rank)
        {
            return null;
        }

        var description = $"Raised to {target} by {by} because {why}";
        conversation.ChangePriority(target, by, description, now);
        return description;
    }

    private async Task<string?> ReassignAsync(RoutingAction action, Conversation conversation, string by, string why, CancellationToken cancellationToken)
    {
        Guid? chosen = action.AssigneeId;
        string? name;
        if (chosen is { } named)
        {
            name = await db.Users.Where(u => u.Id == named).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        }
        else
        {
            // The least-loaded available member of the department, other than whoever holds it now; those with room first.
            var candidate = await db.Users.AsNoTracking()
                .Where(u => u.Availability == StaffAvailability.Available && u.Id != conversation.AssigneeId
                    && u.Departments.Any(d => d.DepartmentId == conversation.Department))
                .Select(u => new
                {
                    u.Id, u.DisplayName, u.Capacity, u.LastAssignedAt,
                    Open = db.Conversations.Count(c => c.AssigneeId == u.Id && c.Status == ConversationStatuses.Open),
                })
                .ToListAsync(cancellationToken);
            var best = candidate
                .OrderBy(m => m.Open >= m.Capacity)
                .ThenBy(m => m.Open)
                .ThenBy(m => m.LastAssignedAt ?? DateTimeOffset.MinValue)
                .ThenBy(m => m.Id)
                .FirstOrDefault();
            chosen = best?.Id;
            name = best?.DisplayName;
        }

        if (chosen is not { } assignee || name is null || conversation.AssigneeId == assignee)
        {
            return null;
        }

        var description = $"Reassigned to {name} by {by} because {why}";
        conversation.Assign(assignee, name, by, now, description);
        StaffNotifications.Notify(
            db, [assignee], null, NotificationKinds.Assignment, $"You were assigned a conversation: {description}",
            StaffNotifications.ConversationLink(conversation.Id), now);
        return description;
    }

    private async Task<string?> NotifyAsync(RoutingAction action, Conversation conversation, string by, string why, CancellationToken cancellationToken)
    {
        var recipients = action.AssigneeId is { } named
            ? await db.Users.Where(u => u.Id == named).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken)
            : (await StaffDirectory.ManagersAsync(db, [conversation.Department], cancellationToken)).Select(m => new { Id = m.StaffId, DisplayName = m.Name }).ToList();
        if (recipients.Count == 0)
        {
            return null;
        }

        var description = $"{string.Join(", ", recipients.Select(r => r.DisplayName))} notified by {by} because {why}";
        StaffNotifications.Notify(
            db, recipients.Select(r => r.Id), null, NotificationKinds.Escalation, $"Escalation: {why} ({by})",
            StaffNotifications.ConversationLink(conversation.Id), now);
        return description;
    }
}
