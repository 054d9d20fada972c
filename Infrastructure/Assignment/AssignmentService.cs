using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Assignment;

/// <summary>
/// Finds an assignee for a conversation inside its department: among the available members with room (open assigned
/// conversations below their capacity), preferring those skilled in its topic, in turn (round-robin) or by load
/// (least-load). Nobody with room: the conversation waits in the department's queue, which is drained whenever
/// room appears. The department's row is locked while it decides, so that two deciders never overfill one person.
/// </summary>
public sealed class AssignmentService(CrmDbContext db, TimeProvider time)
{
    /// <summary>Who the automatic assignments are made by, in history, events and the audit log.</summary>
    public const string By = "assignment";

    /// <summary>
    /// Assigns or queues a conversation that has just opened (tracked, inside the caller's transaction; the caller
    /// saves). A conversation that already has an assignee (a routing rule gave it one) is left alone.
    /// </summary>
    public async Task AssignNewAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        if (conversation.AssigneeId is not null || conversation.Status != ConversationStatuses.Open)
        {
            return;
        }

        var now = time.GetUtcNow();
        var strategy = await db.Departments.Where(d => d.Id == conversation.Department).Select(d => d.AssignmentStrategy)
            .SingleOrDefaultAsync(cancellationToken);
        if (strategy is null)
        {
            return;
        }

        if (strategy == AssignmentStrategies.Manual)
        {
            conversation.Queue($"manual assignment in {conversation.Department}: waiting for someone to take it", now);
            return;
        }

        // Nobody there to take it: queue without the department's lock, which the intake would otherwise hold until
        // its batch commits (carriers in parallel would queue behind each other). Whoever becomes available drains.
        if (!await db.Users.AnyAsync(
                u => u.Availability == StaffAvailability.Available && u.Departments.Any(d => d.DepartmentId == conversation.Department),
                cancellationToken))
        {
            conversation.Queue($"nobody in {conversation.Department} is available", now);
            return;
        }

        var department = await LockDepartmentAsync(conversation.Department, cancellationToken);
        if (department is null)
        {
            return;
        }

        if (department.AssignmentStrategy != AssignmentStrategies.Manual
            && await ChooseAsync(department, conversation.Topic, cancellationToken) is { } choice)
        {
            await GiveAsync(department, conversation, choice, now, cancellationToken);
        }
        else
        {
            conversation.Queue($"nobody available in {department.Id} has room", now);
        }
    }

    /// <summary>
    /// Gives queued conversations of <paramref name="departmentId"/>, most urgent and longest waiting first, to whoever
    /// has room now, in a transaction of its own; says how many were assigned. Queued rows are claimed with
    /// <c>FOR UPDATE SKIP LOCKED</c>, so that two drains never take the same conversation.
    /// </summary>
    public async Task<int> DrainAsync(string departmentId, CancellationToken cancellationToken)
    {
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var department = await LockDepartmentAsync(departmentId, token);
            var assigned = 0;
            while (department is not null && department.AssignmentStrategy != AssignmentStrategies.Manual)
            {
                var next = (await db.Conversations
                    .FromSql($"""
                        SELECT * FROM conversations
                        WHERE department = {departmentId} AND queued_at IS NOT NULL AND assignee_id IS NULL AND status = 'open'
                        ORDER BY CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END DESC, queued_at, id
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED
                        """)
                    .ToListAsync(token)).SingleOrDefault();
                if (next is null || await ChooseAsync(department, next.Topic, token) is not { } choice)
                {
                    break;
                }

                await GiveAsync(department, next, choice, time.GetUtcNow(), token);
                await db.SaveChangesAsync(token);
                department = await db.Departments.AsNoTracking().SingleAsync(d => d.Id == departmentId, token);
                assigned++;
            }

            await transaction.CommitAsync(token);
            db.ChangeTracker.Clear();
            return assigned;
        }, cancellationToken);
    }

    /// <summary>Drains the queue of each department in turn (a staff member's departments, when their room grew).</summary>
    public async Task<int> DrainAsync(IEnumerable<string> departmentIds, CancellationToken cancellationToken)
    {
        var assigned = 0;
        foreach (var departmentId in departmentIds.Distinct().Order(StringComparer.Ordinal))
        {
            assigned += await DrainAsync(departmentId, cancellationToken);
        }

        return assigned;
    }

    /// <summary>Open conversations assigned to each staff member, for the load they carry against their capacity.</summary>
    public static IQueryable<OpenLoad> OpenLoads(CrmDbContext db) =>
        db.Conversations
            .Where(c => c.AssigneeId != null && c.Status == ConversationStatuses.Open)
            .GroupBy(c => c.AssigneeId!.Value)
            .Select(group => new OpenLoad(group.Key, group.Count()));

    private async Task<Department?> LockDepartmentAsync(string departmentId, CancellationToken cancellationToken) =>
        (await db.Departments
            .FromSql($"SELECT * FROM departments WHERE id = {departmentId} FOR UPDATE")
            .AsNoTracking()
            .ToListAsync(cancellationToken)).SingleOrDefault();

    private async Task<Choice?> ChooseAsync(Department department, string? topic, CancellationToken cancellationToken)
    {
        var members = await db.Users.AsNoTracking()
            .Where(u => u.Availability == StaffAvailability.Available && u.Departments.Any(d => d.DepartmentId == department.Id))
            .Select(u => new Candidate(
                u.Id, u.DisplayName, u.Capacity, u.Skills, u.LastAssignedAt,
                db.Conversations.Count(c => c.AssigneeId == u.Id && c.Status == ConversationStatuses.Open)))
            .ToListAsync(cancellationToken);
        var withRoom = members.Where(m => m.Open < m.Capacity).ToList();
        if (withRoom.Count == 0)
        {
            return null;
        }

        var skilled = topic is null ? new List<Candidate>() : withRoom.Where(m => m.Skills.Contains(topic, StringComparer.Ordinal)).ToList();
        var pool = skilled.Count > 0 ? skilled : withRoom;
        var chosen = department.AssignmentStrategy == AssignmentStrategies.LeastLoad
            ? pool.OrderBy(m => m.Open).ThenBy(m => m.LastAssignedAt ?? DateTimeOffset.MinValue).ThenBy(m => m.Id).First()
            : NextInTurn(pool, department.LastAssigneeId);
        return new Choice(chosen, skilled.Count > 0 ? topic : null);
    }

    /// <summary>The first member after the one who got the last conversation, in a stable order, wrapping around.</summary>
    private static Candidate NextInTurn(List<Candidate> pool, Guid? last)
    {
        var ordered = pool.OrderBy(m => m.Id).ToList();
        return last is { } previous ? ordered.FirstOrDefault(m => m.Id.CompareTo(previous) > 0) ?? ordered[0] : ordered[0];
    }

    private async Task GiveAsync(Department department, Conversation conversation, Choice choice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var member = choice.Member;
        var reason = $"{department.AssignmentStrategy} in {department.Id}: {member.DisplayName}, {member.Open + 1}/{member.Capacity} open"
            + (choice.Skill is { } skill ? $", skill {skill}" : "");
        conversation.Assign(member.Id, member.DisplayName, By, now, reason);
        StaffNotifications.Notify(
            db, [member.Id], null, NotificationKinds.Assignment, $"You were assigned a conversation ({reason}): {conversation.Preview}",
            StaffNotifications.ConversationLink(conversation.Id), now);
        db.AuditLog.Add(AuditEntry.Record(now, By, AuditActorKinds.System, AuditActions.ConversationAssigned, $"conversation/{conversation.Id}", reason));
        await db.Users.Where(u => u.Id == member.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastAssignedAt, (DateTimeOffset?)now), cancellationToken);
        await db.Departments.Where(d => d.Id == department.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LastAssigneeId, (Guid?)member.Id), cancellationToken);
    }

    private sealed record Candidate(Guid Id, string DisplayName, int Capacity, List<string> Skills, DateTimeOffset? LastAssignedAt, int Open);

    private sealed record Choice(Candidate Member, string? Skill);
}

/// <summary>How many open conversations are assigned to one staff member.</summary>
public sealed record OpenLoad(Guid StaffId, int Open);
