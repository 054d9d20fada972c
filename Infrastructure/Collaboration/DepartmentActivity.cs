using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.ServiceLevels;

namespace SocialEnterprise.Infrastructure.Collaboration;

/// <summary>
/// What happened in a department, newest first, read from the event log: consults asked of it or by it, their answers
/// and declines, conversations routed to it and assignments in it.
/// </summary>
public static class DepartmentActivity
{
    public const int MaxEntries = 100;

    /// <summary>
    /// How far back in the log the feed looks: the feed is about the recent past, and a bounded window keeps the
    /// backward scan short however long the log grows.
    /// </summary>
    public const long Window = 200_000;

    /// <summary>The event types the feed shows; every one of them names the department(s) it concerns.</summary>
    public static readonly string[] Types =
        ["ConsultRequested", "ConsultAccepted", "ConsultAnswered", "ConsultDeclined", "ConversationAssigned", "ConversationOpened",
         "ServiceLevelWarning", "ServiceLevelBreachPredicted", "ServiceLevelBreached", "ConversationEscalated"];

    public static async Task<IReadOnlyList<DepartmentActivityEntry>> ReadAsync(
        CrmDbContext db, string department, long? before, CancellationToken cancellationToken)
    {
        var head = before ?? (await db.EventLog.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0) + 1;
        var from = head - Window;
        var types = Types;
        var entries = await db.EventLog
            .FromSql($"""
                SELECT * FROM event_log
                WHERE sequence < {head} AND sequence >= {from} AND type = ANY({types})
                  AND (payload->>'department' = {department} OR payload->>'targetDepartment' = {department}
                       OR payload->>'requesterDepartment' = {department})
                ORDER BY sequence DESC
                LIMIT {MaxEntries}
                """)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var activity = new List<DepartmentActivityEntry>(entries.Count);
        foreach (var entry in entries)
        {
            using var payload = JsonDocument.Parse(entry.Payload);
            if (Describe(EventTypes.Deserialize(entry.Type, payload.RootElement), department) is { } described)
            {
                activity.Add(new DepartmentActivityEntry(entry.Sequence, entry.OccurredAt, described.Kind, described.Text, described.ConversationId));
            }
        }

        return activity;
    }

    /// <summary>Whether an event belongs in <paramref name="department"/>'s feed (the live page asks before it reloads).</summary>
    public static bool Concerns(DomainEvent? domainEvent, string department) => DepartmentActivityScope.Concerns(domainEvent, department);

    /// <summary>The feed's line for an event; it describes exactly the events <see cref="DepartmentActivityScope"/> lets in.</summary>
    private static (string Kind, string Text, Guid ConversationId)? Describe(DomainEvent? domainEvent, string department) => domainEvent switch
    {
        ConsultRequested e when e.TargetDepartment == department =>
            ("consult-requested", $"{e.RequestedByName} ({Named(e.RequesterDepartment)}) asked {Named(department)}: {e.Question}", e.ConversationId),
        ConsultRequested e when e.RequesterDepartment == department =>
            ("consult-requested", $"{e.RequestedByName} asked {Named(e.TargetDepartment)}: {e.Question}", e.ConversationId),
        ConsultAccepted e when e.TargetDepartment == department || e.RequesterDepartment == department =>
            ("consult-accepted", $"{e.AcceptedBy} ({Named(e.TargetDepartment)}) took a consult from {Named(e.RequesterDepartment)}", e.ConversationId),
        ConsultAnswered e when e.TargetDepartment == department || e.RequesterDepartment == department =>
            ("consult-answered", $"{e.AnsweredBy} ({Named(e.TargetDepartment)}) answered {Named(e.RequesterDepartment)}: {e.Answer}", e.ConversationId),
        ConsultDeclined e when e.TargetDepartment == department || e.RequesterDepartment == department =>
            ("consult-declined", $"{e.DeclinedBy} ({Named(e.TargetDepartment)}) declined a consult from {Named(e.RequesterDepartment)}: {e.Reason}", e.ConversationId),
        ConversationAssigned e when e.Department == department =>
            ("assignment", $"{ConversationHistory.Describe(e)} by {e.By}", e.ConversationId),
        ConversationOpened e when e.Department == department =>
            ("routed", $"A new {e.Channel} conversation ({e.Priority} priority) was routed here: {e.Preview}", e.ConversationId),
        ServiceLevelWarning e when e.Department == department =>
            ("sla-warning", $"At risk: {ServiceLevelWords.Metric(e.Metric)} is due {ServiceLevelWords.Moment(e.DueAt)}", e.ConversationId),
        ServiceLevelBreachPredicted e when e.Department == department =>
            ("sla-predicted-breach", $"Breach predicted: {ServiceLevelWords.Metric(e.Metric)}, {e.Reason}", e.ConversationId),
        ServiceLevelBreached e when e.Department == department =>
            ("sla-breach", $"Breached: {ServiceLevelWords.Metric(e.Metric)} was due {ServiceLevelWords.Moment(e.DueAt)}", e.ConversationId),
        ConversationEscalated e when e.Department == department =>
            ("escalation", e.Description, e.ConversationId),
        _ => null,
    };

    private static string Named(string department) => department.Length == 0 ? "no department" : department;
}
