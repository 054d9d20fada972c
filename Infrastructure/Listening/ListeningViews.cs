using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Listening;

namespace SocialEnterprise.Infrastructure.Listening;

/// <summary>The listening records the Api answers with, made from the entities.</summary>
public static class ListeningViews
{
    public static IngestEventView IngestEventView(IngestEvent ingestEvent)
    {
        var request = ingestEvent.Request();
        return new IngestEventView(
            ingestEvent.Id, ingestEvent.Channel, ingestEvent.ExternalId, ingestEvent.Kind, request.Author?.Handle ?? "", request.Author?.DisplayName ?? "",
            request.Text ?? "", ingestEvent.ReceivedAt, ingestEvent.OccurredAt, ingestEvent.Status,
            ingestEvent.FilterReason, ingestEvent.FilterRuleId, ingestEvent.Attempts, ingestEvent.LastError);
    }
}
