using System.Text.Json;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Web.Live;
using SocialEnterprise.Domain.Access;

namespace SocialEnterprise.Web.ComponentTests;

/// <summary>
/// A bUnit context with what the workspace's components need: MudBlazor, and the real live event stream (not
/// connected: tests hand it events the way the Api's stream would).
/// </summary>
public abstract class WorkspaceContext : BunitContext
{
    protected WorkspaceContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Live = new LiveEventStream(
            new ConfigurationBuilder().Build(),
            new StaffTokens(Options.Create(new AccessOptions { SigningKey = new string('k', 48) }), TimeProvider.System),
            TimeProvider.System,
            NullLogger<LiveEventStream>.Instance);
        Services.AddSingleton(Live);
    }

    protected LiveEventStream Live { get; }

    protected static EventEnvelope Envelope(DomainEvent domainEvent, long sequence)
    {
        using var payload = JsonDocument.Parse(EventTypes.Serialize(domainEvent));
        return new EventEnvelope(sequence, EventTypes.NameOf(domainEvent), domainEvent.StreamId, domainEvent.OccurredAt, payload.RootElement.Clone());
    }
}
