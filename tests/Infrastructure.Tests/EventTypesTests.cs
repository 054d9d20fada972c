using System.Text.Json;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.Probes;
using SocialEnterprise.Infrastructure.Collaboration;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Probes;

namespace SocialEnterprise.Infrastructure.Tests;

public sealed class EventTypesTests
{
    public static TheoryData<DomainEvent> Events => new()
    {
        new PipelineProbeRequested(Guid.NewGuid(), "ops", DateTimeOffset.UtcNow),
        new PipelineProbeCompleted(Guid.NewGuid(), "ops", DateTimeOffset.UtcNow.AddSeconds(-1), "worker/1", DateTimeOffset.UtcNow),
        new ConsultRequested(
            Guid.NewGuid(), Guid.NewGuid(), "support", "support", "legal", Guid.NewGuid(), "Alex Agent", "Why?", "high", DateTimeOffset.UtcNow.AddHours(4),
            DateTimeOffset.UtcNow),
        new ConsultAnswered(Guid.NewGuid(), Guid.NewGuid(), "support", "legal", Guid.NewGuid(), "Lena Legal", "Yes.", DateTimeOffset.UtcNow),
        new StaffNotified(Guid.NewGuid(), Guid.NewGuid(), NotificationKinds.Mention, DateTimeOffset.UtcNow),
        new ConversationAssigned(
            Guid.NewGuid(), "support", null, Guid.NewGuid(), "Alex Agent", "assignment", DateTimeOffset.UtcNow,
            "round-robin in support: Alex Agent, 3/8 open, skill billing"),
        new ConversationQueued(Guid.NewGuid(), "support", "urgent", "nobody in support is available", DateTimeOffset.UtcNow),
        new SocialEnterprise.Contracts.Replies.ReplyDraftSaved(Guid.NewGuid(), "support", 3, Guid.NewGuid(), "Alex Agent", false, DateTimeOffset.UtcNow),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Every_event_survives_the_trip_through_the_log(DomainEvent domainEvent)
    {
        var entry = EventLogEntry.For(domainEvent);

        var envelope = entry.ToEnvelope();

        Assert.Equal(domainEvent, envelope.ToEvent());
        Assert.Equal(domainEvent.StreamId, entry.StreamId);
        Assert.Equal(domainEvent.OccurredAt, entry.OccurredAt);
    }

    [Fact]
    public void Every_catalogued_type_has_a_distinct_name() =>
        Assert.Equal(EventTypes.Names.Count(), EventTypes.Names.Distinct().Count());

    [Fact]
    public void An_event_of_a_type_this_process_does_not_know_is_passed_on_untyped()
    {
        using var payload = JsonDocument.Parse("""{"parcelId":"42"}""");
        var envelope = new EventEnvelope(7, "ParcelDelivered", "parcel/42", DateTimeOffset.UtcNow, payload.RootElement.Clone());

        Assert.Null(envelope.ToEvent());
    }

    [Fact]
    public void An_event_outside_the_catalogue_cannot_be_written() =>
        Assert.Throws<InvalidOperationException>(() => EventLogEntry.For(new Uncatalogued(DateTimeOffset.UtcNow)));

    private sealed record Uncatalogued(DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
    {
        public override string StreamId => "nowhere";
    }
}
