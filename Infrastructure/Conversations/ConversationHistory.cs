using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Conversations;

/// <summary>A conversation's status changes and assignments, in words, read from its event stream.</summary>
public static class ConversationHistory
{
    private static readonly string[] Types = ["ConversationStatusChanged", "ConversationAssigned"];

    public static async Task<IReadOnlyList<HistoryEntry>> ReadAsync(CrmDbContext db, Guid conversationId, CancellationToken cancellationToken)
    {
        var stream = ConversationStream.Of(conversationId);
        var entries = await db.EventLog.AsNoTracking()
            .Where(e => e.StreamId == stream && Types.Contains(e.Type))
            .OrderBy(e => e.Sequence)
            .Take(500)
            .ToListAsync(cancellationToken);
        var history = new List<HistoryEntry>(entries.Count);
        foreach (var entry in entries)
        {
            using var payload = JsonDocument.Parse(entry.Payload);
            switch (EventTypes.Deserialize(entry.Type, payload.RootElement))
            {
                case ConversationStatusChanged changed:
                    history.Add(new HistoryEntry(entry.Sequence, changed.OccurredAt, "status", Describe(changed), changed.By));
                    break;
                case ConversationAssigned assigned:
                    history.Add(new HistoryEntry(entry.Sequence, assigned.OccurredAt, "assignment", Describe(assigned), assigned.By));
                    break;
            }
        }

        return history;
    }

    public static string Describe(ConversationStatusChanged changed) => changed.To switch
    {
        ConversationStatuses.Resolved => "Resolved",
        ConversationStatuses.Pending => "Waiting on the customer",
        _ when changed.From == ConversationStatuses.Resolved => "Reopened",
        _ => "Open again",
    };

    public static string Describe(ConversationAssigned assigned) =>
        (assigned.AssigneeName is null ? "Unassigned" : $"Assigned to {assigned.AssigneeName}")
        + (string.IsNullOrEmpty(assigned.Reason) ? "" : $" ({assigned.Reason})");
}
