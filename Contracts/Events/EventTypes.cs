using System.Collections.Frozen;
using System.Text.Json;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Contracts.ServiceLevels;

namespace SocialEnterprise.Contracts.Events;

/// <summary>
/// The catalogue of event types and their wire names. The names are stored in the log and read by other
/// processes, so a name never changes once an event of that type has been written.
/// </summary>
public static class EventTypes
{
    private static readonly FrozenDictionary<string, Type> ByName = new Dictionary<string, Type>
    {
        ["PipelineProbeRequested"] = typeof(PipelineProbeRequested),
        ["PipelineProbeCompleted"] = typeof(PipelineProbeCompleted),
        ["ConversationOpened"] = typeof(ConversationOpened),
        ["MessageReceived"] = typeof(MessageReceived),
        ["ConversationStatusChanged"] = typeof(ConversationStatusChanged),
        ["CustomersMerged"] = typeof(CustomersMerged),
        ["CustomerMergeUndone"] = typeof(CustomerMergeUndone),
        ["IngestEventFiltered"] = typeof(IngestEventFiltered),
        ["IngestEventParked"] = typeof(IngestEventParked),
        ["ConversationAssigned"] = typeof(ConversationAssigned),
        ["NoteAdded"] = typeof(NoteAdded),
        ["ConsultRequested"] = typeof(ConsultRequested),
        ["ConsultAccepted"] = typeof(ConsultAccepted),
        ["ConsultAnswered"] = typeof(ConsultAnswered),
        ["ConsultDeclined"] = typeof(ConsultDeclined),
        ["StaffNotified"] = typeof(StaffNotified),
        ["ConversationQueued"] = typeof(ConversationQueued),
        ["ConversationReplied"] = typeof(ConversationReplied),
        ["ReplyStateChanged"] = typeof(ReplyStateChanged),
        ["CsatAnswered"] = typeof(CsatAnswered),
        ["ReplyDraftSaved"] = typeof(ReplyDraftSaved),
        ["ServiceLevelWarning"] = typeof(ServiceLevelWarning),
        ["ServiceLevelBreachPredicted"] = typeof(ServiceLevelBreachPredicted),
        ["ServiceLevelBreached"] = typeof(ServiceLevelBreached),
        ["ConversationEscalated"] = typeof(ConversationEscalated),
        ["ConversationPriorityChanged"] = typeof(ConversationPriorityChanged),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<Type, string> ByType =
        ByName.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);

    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public static IEnumerable<string> Names => ByName.Keys;

    public static string NameOf(DomainEvent domainEvent) =>
        ByType.TryGetValue(domainEvent.GetType(), out var name)
            ? name
            : throw new InvalidOperationException($"{domainEvent.GetType().Name} is not in the event catalogue.");

    public static string Serialize(DomainEvent domainEvent) =>
        JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), SerializerOptions);

    public static DomainEvent? Deserialize(string name, JsonElement payload) =>
        ByName.TryGetValue(name, out var type)
            ? (DomainEvent?)payload.Deserialize(type, SerializerOptions)
            : null;
}
