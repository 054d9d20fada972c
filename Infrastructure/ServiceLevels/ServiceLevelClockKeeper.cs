using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.ServiceLevels;

/// <summary>
/// Keeps every conversation's and consult's service-level clocks in step with it, inside the save that changes it
/// (<see cref="CrmDbContext"/> calls it before writing): the clocks follow the conversation's state, whichever code
/// changed it (the intake opening or reopening it, staff changing its status, a reply, an escalation). State rather than
/// events, because the intake takes a batch's events before it saves.
/// </summary>
/// <remarks>
/// First response runs from the customer's first message (its written time, never later than its receipt) to the first
/// reply; next response from a customer's message after a reply to the next reply; resolution from opening to resolved.
/// All three pause while the conversation is pending and resume when it reopens; a new priority or policy re-targets
/// them. A consult's clock runs from the request to the answer (OLA: the policy's per department, else the consult's
/// own target) and does not pause, since the department is not waiting on the customer.
/// </remarks>
public static class ServiceLevelClockKeeper
{
    /// <summary>
    /// Keeps the clocks of the conversations and consults the context will save; the caller has detected changes first.
    /// Says whether it looked at any (and so may have changed tracked clocks).
    /// </summary>
    public static async Task<bool> KeepAsync(CrmDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conversations = db.ChangeTracker.Entries<Conversation>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => (e.Entity, Added: e.State == EntityState.Added))
            .ToList();
        var consults = db.ChangeTracker.Entries<Consult>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .Select(e => (e.Entity, Added: e.State == EntityState.Added))
            .ToList();
        if (conversations.Count == 0 && consults.Count == 0)
        {
            return false;
        }

        var rules = db.HeldSlaRules ?? await db.ReadSlaRulesAsync(cancellationToken);
        var existingIds = conversations.Where(c => !c.Added).Select(c => c.Entity.Id).Concat(consults.Select(c => c.Entity.ConversationId)).ToList();
        var clocks = existingIds.Count == 0
            ? []
            : await db.ServiceLevelClocks.Where(c => existingIds.Contains(c.ConversationId)).ToListAsync(cancellationToken);
        // Clocks already tracked (added earlier in this unit of work) count too.
        clocks = [.. clocks.Union(db.ChangeTracker.Entries<ServiceLevelClock>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))];
        var byConversation = clocks.ToLookup(c => c.ConversationId);

        foreach (var (conversation, _) in conversations)
        {
            var mine = byConversation[conversation.Id].Where(c => c.ConsultId is null).ToList();
            foreach (var clock in Keep(conversation, mine, rules, now))
            {
                db.ServiceLevelClocks.Add(clock);
            }
        }

        var conversationsById = conversations.ToDictionary(c => c.Entity.Id, c => c.Entity);
        foreach (var (consult, _) in consults)
        {
            var clock = byConversation[consult.ConversationId].FirstOrDefault(c => c.ConsultId == consult.Id);
            if (clock is null)
            {
                var conversation = conversationsById.GetValueOrDefault(consult.ConversationId)
                    ?? await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == consult.ConversationId, cancellationToken);
                clock = StartConsultClock(consult, conversation, rules);
                db.ServiceLevelClocks.Add(clock);
            }

            KeepConsult(consult, clock, rules.CalendarOf(clock.Policy), now);
        }

        return true;
    }

    /// <summary>Brings a conversation's clocks in step with it; returns the clocks to add.</summary>
    public static List<ServiceLevelClock> Keep(Conversation conversation, IReadOnlyList<ServiceLevelClock> clocks, SlaRules rules, DateTimeOffset now)
    {
        var policy = rules.PolicyFor(conversation.SlaPolicy);
        var calendar = rules.CalendarOf(policy.Name);
        var started = new List<ServiceLevelClock>();
        var open = conversation.Status != ConversationStatuses.Resolved;
        var pending = conversation.Status == ConversationStatuses.Pending;

        ServiceLevelClock StartClock(string metric, DateTimeOffset at)
        {
            var clock = ServiceLevelClock.Start(
                conversation.Id, null, metric, conversation.Department, conversation.AssigneeId, conversation.Channel, conversation.Priority,
                policy.Name, TargetOf(policy, metric, conversation), at, calendar);
            started.Add(clock);
            return clock;
        }

        void Follow(ServiceLevelClock clock)
        {
            if (pending)
            {
                clock.Pause(now, calendar);
            }
            else if (!clock.IsRunning)
            {
                clock.Resume(now, calendar);
            }
        }

        // Resolution: open to resolved; a reopened conversation's resolution counts on from where it stopped.
        var resolution = clocks.Where(c => c.Metric == ServiceLevelMetrics.Resolution).MaxBy(c => c.StartedAt);
        if (!open)
        {
            resolution?.Stop(conversation.ResolvedAt ?? now, calendar);
        }
        else if (resolution is null)
        {
            Follow(StartClock(ServiceLevelMetrics.Resolution, CustomerWaitingSince(conversation)));
        }
        else
        {
            Follow(resolution);
        }

        // First response: from the customer's first message to the first reply.
        var first = clocks.FirstOrDefault(c => c.Metric == ServiceLevelMetrics.FirstResponse)
            ?? StartClock(ServiceLevelMetrics.FirstResponse, CustomerWaitingSince(conversation));
        if (conversation.FirstRepliedAt is { } firstReply)
        {
            first.Stop(firstReply, calendar);
        }
        else if (!open)
        {
            first.Stop(now, calendar, cancel: true);
        }
        else
        {
            Follow(first);
        }

        // Next response: from a customer's message after a reply to the next reply.
        var next = clocks.Where(c => c.Metric == ServiceLevelMetrics.NextResponse && c.StoppedAt is null).MaxBy(c => c.StartedAt);
        if (next is not null)
        {
            if (conversation.LastRepliedAt is { } replied && replied >= next.StartedAt)
            {
                next.Stop(replied, calendar);
            }
            else if (!open)
            {
                next.Stop(now, calendar, cancel: true);
            }
            else
            {
                Follow(next);
            }
        }
        else if (conversation.FirstRepliedAt is not null && conversation.Status == ConversationStatuses.Open
                 && conversation.ResponseClockStartedAt is { } waiting && waiting > conversation.LastRepliedAt)
        {
            StartClock(ServiceLevelMetrics.NextResponse, waiting);
        }

        foreach (var clock in clocks.Concat(started).Where(c => c.StoppedAt is null))
        {
            clock.Retarget(TargetOf(policy, clock.Metric, conversation), conversation.Priority, policy.Name, now, calendar);
            clock.AssignTo(conversation.AssigneeId);
            clock.MoveTo(conversation.Department);
        }

        // The inbox's at-risk filter and "due soonest" order read the running response clock from the conversation.
        var response = first.StoppedAt is null ? first : clocks.Concat(started).FirstOrDefault(c => c.Metric == ServiceLevelMetrics.NextResponse && c.StoppedAt is null);
        if (response is { IsRunning: true })
        {
            conversation.KeepResponseClock(response.StartedAt, response.WarnAt, response.DueAt);
        }
        else
        {
            conversation.KeepResponseClock(null, null, null);
        }

        return started;
    }

    public static ServiceLevelClock StartConsultClock(Consult consult, Conversation conversation, SlaRules rules)
    {
        var policy = rules.PolicyFor(conversation.SlaPolicy);
        // The policy's OLA for the department, unless the requester needs the answer sooner (the consult's own due moment).
        var own = consult.DueAt - consult.RequestedAt;
        var target = policy.OlaFor(consult.TargetDepartment) is { } ola && (consult.NeededBy is null || ola < own) ? ola : own;
        return ServiceLevelClock.Start(
            conversation.Id, consult.Id, ServiceLevelMetrics.Consult, consult.TargetDepartment, null, conversation.Channel, consult.Priority,
            policy.Name, Clamp(target), consult.RequestedAt, rules.CalendarOf(policy.Name));
    }

    public static void KeepConsult(Consult consult, ServiceLevelClock clock, BusinessCalendar calendar, DateTimeOffset now)
    {
        clock.AssignTo(consult.AnsweredById ?? consult.AcceptedById);
        if (consult.State == ConsultStates.Answered)
        {
            clock.Stop(consult.AnsweredAt ?? now, calendar);
        }
        else if (consult.State == ConsultStates.Declined)
        {
            clock.Stop(consult.DeclinedAt ?? now, calendar, cancel: true);
        }

        if (clock is { IsRunning: true, WarnAt: { } warnAt, DueAt: { } dueAt })
        {
            consult.KeepClock(warnAt, dueAt);
        }
    }

    /// <summary>Since the customer wrote their first message (never later than it reached us, which is when the conversation opened).</summary>
    private static DateTimeOffset CustomerWaitingSince(Conversation conversation) =>
        conversation.LastActivityAt != default && conversation.LastActivityAt < conversation.OpenedAt ? conversation.LastActivityAt : conversation.OpenedAt;

    private static TimeSpan TargetOf(SlaPolicy policy, string metric, Conversation conversation) =>
        Clamp(policy.TargetFor(metric, conversation.Priority, conversation.Channel) ?? SlaDefaults.StandardResponse(conversation.Priority));

    private static TimeSpan Clamp(TimeSpan target) =>
        target < SlaPolicy.ShortestTarget ? SlaPolicy.ShortestTarget : target > SlaPolicy.LongestTarget ? SlaPolicy.LongestTarget : target;
}

public static class SlaRulesStore
{
    /// <summary>The policies and calendars as they are now, for a save to work with.</summary>
    public static async Task<SlaRules> ReadSlaRulesAsync(this CrmDbContext db, CancellationToken cancellationToken) => new(
        await db.SlaPolicies.AsNoTracking().ToListAsync(cancellationToken),
        await db.SlaCalendars.AsNoTracking().ToListAsync(cancellationToken));
}
