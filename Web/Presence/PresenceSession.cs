using Microsoft.AspNetCore.Components.Authorization;
using SocialEnterprise.Web.Access;

namespace SocialEnterprise.Web.Presence;

/// <summary>
/// This circuit's presence: who is signed in here and which conversation this browser tab shows. It remembers what
/// it shows so that after a long disconnection (the tracker dropped the session) it comes back as it was.
/// </summary>
public sealed class PresenceSession(PresenceTracker tracker, AuthenticationStateProvider authentication)
{
    private PresentStaff? _staff;
    private Guid? _viewing;

    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The signed-in staff member's id, once known.</summary>
    public Guid? StaffId => _staff?.Id;

    public async Task ConnectedAsync()
    {
        if (await JoinAsync())
        {
            await tracker.ConnectionUpAsync(Id);
        }
    }

    public Task DisconnectedAsync() => tracker.ConnectionDownAsync(Id);

    public Task ClosedAsync() => tracker.LeaveAsync(Id);

    public async Task ViewAsync(Guid conversationId)
    {
        _viewing = conversationId;
        if (await JoinAsync())
        {
            await tracker.ViewAsync(Id, conversationId);
        }
    }

    /// <summary>Stops showing <paramref name="conversationId"/>, unless the tab already moved on to another conversation.</summary>
    public async Task StopViewingAsync(Guid conversationId)
    {
        if (_viewing != conversationId)
        {
            return;
        }

        _viewing = null;
        await tracker.ViewAsync(Id, null);
    }

    public Task TypingAsync() => tracker.TypingAsync(Id);

    private async Task<bool> JoinAsync()
    {
        try
        {
            _staff ??= StaffMember.From((await authentication.GetAuthenticationStateAsync()).User) is { } staff
                ? new PresentStaff(staff.Id, staff.DisplayName, staff.Departments)
                : null;
        }
        catch (InvalidOperationException)
        {
            // The circuit's user is not known yet; presence must never break the circuit, and the page joins later.
            return false;
        }

        if (_staff is null)
        {
            return false;
        }

        await tracker.JoinAsync(Id, _staff, _viewing);
        return true;
    }
}
