using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SocialEnterprise.Web.Presence;

/// <summary>Tells presence when this circuit's connection comes up, drops, or the circuit ends.</summary>
public sealed class PresenceCircuitHandler(PresenceSession session) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => session.ConnectedAsync();

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => session.DisconnectedAsync();

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken) => session.ClosedAsync();
}
