using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SocialEnterprise.Web.Access;
using SocialEnterprise.Web.Presence;

namespace SocialEnterprise.Web.ComponentTests.Conversations;

/// <summary>The workspace context plus what the conversation page and the Customer 360 need: a clock and presence.</summary>
public abstract class PresenceWorkspaceContext : WorkspaceContext
{
    protected PresenceWorkspaceContext()
    {
        Presence = new PresenceTracker(TimeProvider.System, NullLogger<PresenceTracker>.Instance);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(Presence);
        Services.AddScoped<PresenceSession>();
    }

    protected PresenceTracker Presence { get; }

    /// <summary>The staff member <see cref="WorkspaceContext.SignInAs"/> signed in, as the page reads them.</summary>
    protected async Task<StaffMember> SignedInAsync() =>
        StaffMember.From((await Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User)
        ?? throw new InvalidOperationException("Nobody is signed in.");
}
