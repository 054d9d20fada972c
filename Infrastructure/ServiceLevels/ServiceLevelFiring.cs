using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.ServiceLevels;

/// <summary>
/// Fires due clock moments in one short transaction: a conditional update marks each moment fired exactly once (a
/// moment not yet due, already fired, or of a clock since paused or stopped is left alone), and for each it marks the
/// event on the conversation's stream, the staff notifications and the escalation rules' actions commit with it.
/// </summary>
public sealed class ServiceLevelFiring(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>Fires <paramref name="moment"/> for those of <paramref name="ids"/> that are due; says how many fired.</summary>
    public async Task<int> FireAsync(ClockMoment moment, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var now = time.GetUtcNow();
            var fired = await MarkAsync(db, transaction, moment, ids, now, token);
            if (fired.Count > 0)
            {
                await RecordAsync(db, moment, fired, now, token);
                await new Escalations(db, now).ApplyAsync(TriggerOf(moment), fired, token);
                await db.SaveChangesAsync(token);
            }

            await transaction.CommitAsync(token);
            return fired.Count;
        }, cancellationToken);
    }

    public static string TriggerOf(ClockMoment moment) => moment switch
    {
        ClockMoment.PredictedBreach => RoutingTriggers.SlaPredictedBreach,
        ClockMoment.Warning => RoutingTriggers.SlaWarning,
        _ => RoutingTriggers.SlaBreach,
    };

    private static async Task<List<FiredClock>> MarkAsync(
        CrmDbContext db, IDbContextTransaction transaction, ClockMoment moment, IReadOnlyList<Guid> ids, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var sql = moment switch
        {
            // Predicted only when nobody available holds it: unassigned, or the assignee away or offline.
            ClockMoment.PredictedBreach => $"""
                UPDATE service_level_clocks c SET predicted_at = @now
                WHERE c.id = ANY(@ids) AND c.predicted_at IS NULL AND c.warned_at IS NULL AND c.predicted_breach_at <= @now
                  AND c.stopped_at IS NULL AND c.paused_at IS NULL
                  AND (c.assignee_id IS NULL OR NOT EXISTS (
                      SELECT 1 FROM staff_users u WHERE u.id = c.assignee_id AND u.availability = '{StaffAvailability.Available}'))
                RETURNING {Returned}
                """,
            ClockMoment.Warning => $"""
                UPDATE service_level_clocks c SET warned_at = @now
                WHERE c.id = ANY(@ids) AND c.warned_at IS NULL AND c.warn_at <= @now AND c.stopped_at IS NULL AND c.paused_at IS NULL
                RETURNING {Returned}
                """,
            _ => $"""
                UPDATE service_level_clocks c SET breached_at = @now
                WHERE c.id = ANY(@ids) AND c.breached_at IS NULL AND c.due_at <= @now AND c.stopped_at IS NULL AND c.paused_at IS NULL
                RETURNING {Returned}
                """,
        };
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(sql, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var fired = new List<FiredClock>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            fired.Add(new FiredClock(
                reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetGuid(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7), reader.GetString(8)));
        }

        return fired;
    }

    private const int NotificationPreviewLength = 60;

    private const string Returned = "c.id, c.conversation_id, c.consult_id, c.metric, c.department, c.assignee_id, c.due_at, c.priority, c.channel";

    private static async Task RecordAsync(CrmDbContext db, ClockMoment moment, List<FiredClock> fired, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var departments = fired.Select(f => f.Department).Distinct().ToList();
        var managers = await StaffDirectory.ManagersAsync(db, departments, cancellationToken);
        // A breach nobody holds goes to the whole department (those available), besides its managers.
        var members = moment == ClockMoment.Breach && fired.Any(f => f.AssigneeId is null)
            ? await StaffDirectory.AvailableMembersAsync(db, departments, cancellationToken)
            : [];
        // Who and what it is about, so that a reader knows without opening it.
        var conversationIds = fired.Select(f => f.ConversationId).Distinct().ToList();
        var about = await (
                from conversation in db.Conversations.AsNoTracking()
                join customer in db.Customers on conversation.CustomerId equals customer.Id
                where conversationIds.Contains(conversation.Id)
                select new { conversation.Id, customer.DisplayName, conversation.Preview })
            .ToDictionaryAsync(c => c.Id, c => $"{c.DisplayName} (“{ConversationPreview.Of(c.Preview, NotificationPreviewLength)}”)", cancellationToken);
        var departmentNames = await db.Departments.AsNoTracking().Where(d => departments.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        foreach (var clock in fired)
        {
            DomainEvent recorded = moment switch
            {
                ClockMoment.PredictedBreach => new ServiceLevelBreachPredicted(
                    clock.ConversationId, clock.Id, clock.ConsultId, clock.Metric, clock.Department, clock.AssigneeId, clock.DueAt,
                    clock.AssigneeId is null ? "half the time is gone and nobody holds it" : "half the time is gone and its assignee is not available", now),
                ClockMoment.Warning => new ServiceLevelWarning(
                    clock.ConversationId, clock.Id, clock.ConsultId, clock.Metric, clock.Department, clock.AssigneeId, clock.DueAt, now),
                _ => new ServiceLevelBreached(
                    clock.ConversationId, clock.Id, clock.ConsultId, clock.Metric, clock.Department, clock.AssigneeId, clock.DueAt, now),
            };
            db.EventLog.Add(EventLogEntry.For(recorded));

            var recipients = new List<Guid>();
            if (clock.AssigneeId is { } assignee)
            {
                recipients.Add(assignee);
            }

            recipients.AddRange(managers.Where(m => m.Department == clock.Department).Select(m => m.StaffId));
            if (moment == ClockMoment.Breach && clock.AssigneeId is null)
            {
                recipients.AddRange(members.Where(m => m.Department == clock.Department).Select(m => m.StaffId));
            }

            var subject = $"{ServiceLevelWords.Metric(clock.Metric)} to {about.GetValueOrDefault(clock.ConversationId, "a customer")} in {departmentNames.GetValueOrDefault(clock.Department, clock.Department)}";
            var (kind, text) = moment switch
            {
                ClockMoment.PredictedBreach => (NotificationKinds.SlaPredictedBreach,
                    $"Breach predicted: {subject} is due in {ServiceLevelWords.Span(clock.DueAt - now)} and nobody available holds it"),
                ClockMoment.Warning => (NotificationKinds.SlaWarning,
                    $"At risk: {subject} is due in {ServiceLevelWords.Span(clock.DueAt - now)}"),
                _ => (NotificationKinds.SlaBreach,
                    $"Breached: {subject} is overdue"),
            };
            StaffNotifications.Notify(db, recipients, null, kind, text, StaffNotifications.ConversationLink(clock.ConversationId), now);
        }
    }
}

/// <summary>A clock whose moment just fired, as the firing update returned it.</summary>
public sealed record FiredClock(
    Guid Id, Guid ConversationId, Guid? ConsultId, string Metric, string Department, Guid? AssigneeId, DateTimeOffset DueAt, string Priority,
    string Channel);

/// <summary>Who to tell in a department.</summary>
public static class StaffDirectory
{
    public sealed record Member(string Department, Guid StaffId, string Name);

    public static Task<List<Member>> ManagersAsync(CrmDbContext db, IReadOnlyCollection<string> departments, CancellationToken cancellationToken) =>
        (from membership in db.DepartmentMemberships
         join user in db.Users on membership.StaffUserId equals user.Id
         join userRole in db.UserRoles on user.Id equals userRole.UserId
         join role in db.Roles on userRole.RoleId equals role.Id
         where departments.Contains(membership.DepartmentId) && role.Name == StaffRoles.Manager
         select new Member(membership.DepartmentId, user.Id, user.DisplayName)).ToListAsync(cancellationToken);

    public static Task<List<Member>> AvailableMembersAsync(CrmDbContext db, IReadOnlyCollection<string> departments, CancellationToken cancellationToken) =>
        (from membership in db.DepartmentMemberships
         join user in db.Users on membership.StaffUserId equals user.Id
         where departments.Contains(membership.DepartmentId) && user.Availability == StaffAvailability.Available
         select new Member(membership.DepartmentId, user.Id, user.DisplayName)).ToListAsync(cancellationToken);
}

/// <summary>Service-level words for people.</summary>
public static class ServiceLevelWords
{
    public static string Metric(string metric) => metric switch
    {
        ServiceLevelMetrics.FirstResponse => "the first response",
        ServiceLevelMetrics.NextResponse => "the next response",
        ServiceLevelMetrics.Resolution => "the resolution",
        _ => "the consult's answer",
    };

    public static string Moment(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"12 min", "2 h 5 min", "3 d 4 h": how long, roughly, for a chip or banner.</summary>
    public static string Span(TimeSpan span) => ServiceLevelMetrics.Span(span);
}
