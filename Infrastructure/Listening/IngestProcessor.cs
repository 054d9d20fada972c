using System.Text.Json;
using Microsoft.Extensions.Options;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Filtering;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Customers;
using SocialEnterprise.Infrastructure.Operations;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Routing;

namespace SocialEnterprise.Infrastructure.Listening;

/// <summary>
/// Turns one accepted event into a message in a conversation: classify, filter noise, tie the author to a customer,
/// thread, store, and record the events the workspace pushes live. Changes are tracked; the carrier assigns the
/// conversations it opened and saves.
/// </summary>
public sealed class IngestProcessor(
    CrmDbContext db, MessageClassifier classifier, IdentityResolver identities, ConversationThreading threading,
    IntakeLookups lookups, IOptions<ListeningOptions> options, TimeProvider time)
{
    /// <param name="opened">Where a conversation the event opens is added, for the carrier to assign.</param>
    public async Task<IngestOutcome> ProcessAsync(
        IngestEvent ingestEvent, IntakeRules rules, ICollection<Conversation> opened, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var request = ingestEvent.Request();
        var author = request.Author!;
        MessageClassification classification;
        using (var classifying = Telemetry.Intake.StartActivity("Classify message"))
        {
            classification = classifier.Classify(
                new ClassificationInput(request.Text!, ingestEvent.Channel, request.Kind!, request.Rating, author.Followers), rules.Topics);
            classifying?.SetTag("socialenterprise.message.type", classification.Type);
            classifying?.SetTag("socialenterprise.message.sentiment", classification.SentimentLabel);
            classifying?.SetTag("socialenterprise.message.topic", classification.Topic);
        }

        var placement = await threading.PlaceAsync(ingestEvent.Channel, request, options.Value.ReopenWindow, cancellationToken);
        if (placement.ParentPending)
        {
            ingestEvent.Defer(now + options.Value.ParentWait);
            return IngestOutcome.Deferred;
        }

        if (!ingestEvent.RestoredByStaff
            && rules.Filter.Judge(ingestEvent.Channel, request, classification, continuesConversation: placement.Existing is not null) is { IsNoise: true } verdict)
        {
            ingestEvent.MarkFiltered(verdict.Reason, verdict.Rule?.Id, now);
            return IngestOutcome.Filtered;
        }

        Customer customer;
        CustomerIdentity identity;
        using (Telemetry.Intake.StartActivity("Resolve customer identity"))
        {
            (customer, identity) = await identities.ResolveAsync(ingestEvent.Channel, request.Kind!, author, now, cancellationToken);
        }

        var message = Message.Inbound(
            ingestEvent.Id, ingestEvent.Channel, ingestEvent.ExternalId, request.Kind!, identity.Id, author.DisplayName!.Trim(),
            request.Text!, request.Url, request.Rating, request.OccurredAt!.Value, ingestEvent.ReceivedAt,
            JsonSerializer.Serialize(classification, EventTypes.SerializerOptions));

        var conversation = placement.Existing;
        string priority;
        if (conversation is null)
        {
            using var routingActivity = Telemetry.Intake.StartActivity("Route conversation");
            var routing = Route(request.Text!, ingestEvent.Channel, request.Kind!, classification, customer, rules, now);
            routingActivity?.SetTag("socialenterprise.department", routing.Department);
            conversation = Conversation.Open(message, customer.Id, identity.Id, classification, routing, placement.PreviousConversationId, now);
            db.Conversations.Add(conversation);
            priority = routing.Priority;
        }
        else
        {
            priority = DefaultRouting.PriorityOf(classification.Urgency, customer.Influence, customer.Tier, out _);
        }

        await threading.PointThreadAsync(ingestEvent.Channel, placement.ThreadKey, conversation.Id, cancellationToken);
        conversation.Receive(message, classification, priority, now);
        message.BelongTo(conversation.Id);
        db.Messages.Add(message);
        lookups.Added(message);
        if (placement.Existing is null)
        {
            opened.Add(conversation);
        }

        ingestEvent.MarkProcessed(conversation.Id, message.Id, now);
        return IngestOutcome.Stored;
    }

    /// <summary>
    /// The routing rules first, then the default routing for whatever they left open. Marking a VIP happens before
    /// the default priority is worked out, so that a new VIP is treated as one from their first message.
    /// </summary>
    private static Domain.Conversations.Routing Route(
        string text, string channel, string kind, MessageClassification classification, Customer customer, IntakeRules rules, DateTimeOffset now)
    {
        var decision = rules.Routing.Evaluate(new RoutingInput(text, channel, kind, classification, customer.Tier, customer.Influence, now));
        if (decision.MarkVip)
        {
            customer.MarkVip(now);
        }

        return RoutingDefaults.Complete(decision, classification, rules.Topics, customer.Influence, customer.Tier, rules.Assignees);
    }
}

/// <summary>The noise filter, topic catalogue and routing rules a batch works with.</summary>
public sealed record IntakeRules(NoiseFilter Filter, TopicCatalogue Topics, RoutingEngine Routing, RoutingAssignees Assignees);

public enum IngestOutcome
{
    Stored,
    Filtered,
    Deferred,
}
