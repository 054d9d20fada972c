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
    public Task AssignNewAsync(Conversation conversation, CancellationToken cancellationToken) => AssignNewAsync([conversation], cancellationToken);

    /// <summary>
    /// Assigns or queues conversations that have just opened, in their order, deciding each department's once: one read
    /// of its members and their load, the department locked from then until the caller's transaction ends (departments
    /// in a fixed order, so that two carriers never wait on each other in a circle).
    /// </summary>
    public async Task AssignNewAsync(IReadOnlyList<Conversation> conversations, CancellationToken cancellationToken)
    {
        var waiting = conversations.Where(c => c.AssigneeId is null && c.Status == ConversationStatuses.Open).ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var departmentIds = waiting.Select(c => c.Department).Distinct().ToList();
        var strategies = await db.Departments.Where(d => departmentIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.AssignmentStrategy, cancellationToken);
        foreach (var group in waiting.GroupBy(c => c.Department).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!strategies.TryGetValue(group.Key, out var strategy))
            {
                continue;
            }

            if (strategy == AssignmentStrategies.Manual)
            {
                QueueAll(group, $"manual assignment in {group.Key}: waiting for someone to take it", now);
                continue;
            }

            // Nobody there to take it: queue without the department's lock, which the intake would otherwise hold until
            // its batch commits (carriers in parallel would queue behind each other). Whoever becomes available drains.
            if (!await db.Users.AnyAsync(
                    u => u.Availability == StaffAvailability.Available && u.Departments.Any(d => d.DepartmentId == group.Key),
                    cancellationToken))
            {
                QueueAll(group, $"nobody in {group.Key} is available", now);
                continue;
            }

            if (await LockDepartmentAsync(group.Key, cancellationToken) is not { } department)
            {
                continue;
            }

            var members = department.AssignmentStrategy == AssignmentStrategies.Manual ? [] : await ReadCandidatesAsync(department.Id, cancellationToken);
            var lastAssignee = department.LastAssigneeId;
            var assigned = new HashSet<Guid>();
            foreach (var conversation in group)
            {
                if (Choose(department.AssignmentStrategy, lastAssignee, members, conversation.Topic) is { } choice)
                {
                    Give(department, conversation, choice, now);
                    lastAssignee = choice.Member.Id;
                    assigned.Add(choice.Member.Id);
                }
                else
                {
                    conversation.Queue($"nobody available in {department.Id} has room", now);
                }
            }

            if (assigned.Count > 0)
            {
                await RecordTurnAsync(department.Id, assigned, lastAssignee!.Value, now, cancellationToken);
            }
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
                if (next is null
                    || Choose(department.AssignmentStrategy, department.LastAssigneeId, await ReadCandidatesAsync(departmentId, token), next.Topic)
                        is not { } choice)
                {
                    break;
                }

                var now = time.GetUtcNow();
                Give(department, next, choice, now);
                await RecordTurnAsync(departmentId, [choice.Member.Id], choice.Member.Id, now, token);
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

    private static void QueueAll(IEnumerable<Conversation> conversations, string reason, DateTimeOffset now)
    {
        foreach (var conversation in conversations)
        {
            conversation.Queue(reason, now);
        }
    }

    /// <summary>
    /// The department's available members with the open conversations each carries now: as stored, and as the caller's
    /// changes not saved yet will leave it (a batch assigns and reopens before it saves once).
    /// </summary>
    private async Task<List<Candidate>> ReadCandidatesAsync(string departmentId, CancellationToken cancellationToken)
    {
        var members = await db.Users.AsNoTracking()
            .Where(u => u.Availability == StaffAvailability.Available && u.Departments.Any(d => d.DepartmentId == departmentId))
            .Select(u => new Candidate(
                u.Id, u.DisplayName, u.Capacity, u.Skills, u.LastAssignedAt,
                db.Conversations.Count(c => c.AssigneeId == u.Id && c.Status == ConversationStatuses.Open)))
            .ToListAsync(cancellationToken);
        var unsaved = UnsavedLoad();
        foreach (var member in members)
        {
            member.Open += unsaved.GetValueOrDefault(member.Id);
        }

        return members;
    }

    /// <summary>
    /// How the tracked conversations' changes move each assignee's open load: compared with the snapshot they were read
    /// with (not with what change detection last saw, which a batch leaves until it saves).
    /// </summary>
    private Dictionary<Guid, int> UnsavedLoad()
    {
        var load = new Dictionary<Guid, int>();
        foreach (var entry in db.ChangeTracker.Entries<Conversation>())
        {
            if (entry.State != EntityState.Added
                && entry.OriginalValues.GetValue<Guid?>(nameof(Conversation.AssigneeId)) is { } before
                && entry.OriginalValues.GetValue<string>(nameof(Conversation.Status)) == ConversationStatuses.Open)
            {
                load[before] = load.GetValueOrDefault(before) - 1;
            }

            if (entry.State != EntityState.Deleted && entry.Entity is { AssigneeId: { } after, Status: ConversationStatuses.Open })
            {
                load[after] = load.GetValueOrDefault(after) + 1;
            }
        }

        return load;
    }

    private static Choice? Choose(string strategy, Guid? lastAssignee, List<Candidate> members, string? topic)
    {
        var withRoom = members.Where(m => m.Open < m.Capacity).ToList();
        if (withRoom.Count == 0)
        {
            return null;
        }

        var skilled = topic is null ? new List<Candidate>() : withRoom.Where(m => m.Skills.Contains(topic, StringComparer.Ordinal)).ToList();
        var pool = skilled.Count > 0 ? skilled : withRoom;
        var chosen = strategy == AssignmentStrategies.LeastLoad
            ? pool.OrderBy(m => m.Open).ThenBy(m => m.LastAssignedAt ?? DateTimeOffset.MinValue).ThenBy(m => m.Id).First()
            : NextInTurn(pool, lastAssignee);
        return new Choice(chosen, skilled.Count > 0 ? topic : null);
    }

    /// <summary>The first member after the one who got the last conversation, in a stable order, wrapping around.</summary>
    private static Candidate NextInTurn(List<Candidate> pool, Guid? last)
    {
        var ordered = pool.OrderBy(m => m.Id).ToList();
        return last is { } previous ? ordered.FirstOrDefault(m => m.Id.CompareTo(previous) > 0) ?? ordered[0] : ordered[0];
    }

    /// <summary>Assigns the conversation to the chosen member, whose load and turn count from now on.</summary>
    private void Give(Department department, Conversation conversation, Choice choice, DateTimeOffset now)
    {
        var member = choice.Member;
        var reason = $"{department.AssignmentStrategy} in {department.Id}: {member.DisplayName}, {member.Open + 1}/{member.Capacity} open"
            + (choice.Skill is { } skill ? $", skill {skill}" : "");
        conversation.Assign(member.Id, member.DisplayName, By, now, reason);
        member.Open++;
        member.LastAssignedAt = now;
        StaffNotifications.Notify(
            db, [member.Id], null, NotificationKinds.Assignment, $"You were assigned {Whose(conversation)}: “{conversation.Preview}” ({reason})",
            StaffNotifications.ConversationLink(conversation.Id), now);
        db.AuditLog.Add(AuditEntry.Record(now, By, AuditActorKinds.System, AuditActions.ConversationAssigned, $"conversation/{conversation.Id}", reason));
    }

    /// <summary>
    /// "Rea Reply's conversation" when the customer is in the unit of work (the intake's batch has every customer it
    /// carries), else "a conversation": a notification is worth no extra read.
    /// </summary>
    private string Whose(Conversation conversation) =>
        db.Customers.Local.FindEntry(conversation.CustomerId)?.Entity is { DisplayName.Length: > 0 } customer
            ? $"{customer.DisplayName}'s conversation"
            : "a conversation";

    /// <summary>Who was assigned last (round-robin's turn) and when each member last got one (least-load's tie-break).</summary>
    private async Task RecordTurnAsync(string departmentId, IReadOnlyCollection<Guid> members, Guid last, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Users.Where(u => members.Contains(u.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastAssignedAt, (DateTimeOffset?)now), cancellationToken);
        await db.Departments.Where(d => d.Id == departmentId)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LastAssigneeId, (Guid?)last), cancellationToken);
    }

    /// <summary>A member who could take a conversation; their load and last assignment change as a batch assigns.</summary>
    private sealed class Candidate(Guid id, string displayName, int capacity, List<string> skills, DateTimeOffset? lastAssignedAt, int open)
    {
        public Guid Id { get; } = id;

        public string DisplayName { get; } = displayName;

        public int Capacity { get; } = capacity;

        public List<string> Skills { get; } = skills;

        public int Open { get; set; } = open;

        public DateTimeOffset? LastAssignedAt { get; set; } = lastAssignedAt;
    }

    private sealed record Choice(Candidate Member, string? Skill);
}

/// <summary>How many open conversations are assigned to one staff member.</summary>
public sealed record OpenLoad(Guid StaffId, int Open);
