using System.Text.Json;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Web.Live;

namespace SocialEnterprise.Web.Tests;

public sealed class EventDescriptionsTests
{
    [Fact]
    public void A_carried_probe_says_by_whom_and_how_long_it_took()
    {
        var at = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
        var envelope = Envelope(new PipelineProbeCompleted(Guid.NewGuid(), "ops", at, "host/7", at.AddMilliseconds(84)));

        Assert.Equal("Pipeline probe carried", EventDescriptions.Title(envelope));
        Assert.Equal("by worker host/7, 84 ms after ops asked", EventDescriptions.Detail(envelope));
    }

    [Fact]
    public void An_event_type_without_words_yet_gets_its_name_spelled_out()
    {
        using var payload = JsonDocument.Parse("{}");
        var envelope = new EventEnvelope(3, "ConsultAnswered", "consult/9", DateTimeOffset.UtcNow, payload.RootElement.Clone());

        Assert.Equal("Consult answered", EventDescriptions.Title(envelope));
        Assert.Equal("consult/9", EventDescriptions.Detail(envelope));
    }

    internal static EventEnvelope Envelope(DomainEvent domainEvent, long sequence = 1)
    {
        using var payload = JsonDocument.Parse(EventTypes.Serialize(domainEvent));
        return new EventEnvelope(sequence, EventTypes.NameOf(domainEvent), domainEvent.StreamId, domainEvent.OccurredAt, payload.RootElement.Clone());
    }
}
