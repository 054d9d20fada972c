using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Web.Components.Inbox;
using SocialEnterprise.Web.Components.Shared;

namespace SocialEnterprise.Web.Components.Conversations;

/// <summary>
/// Working through a list without going back to it: previous and next in the inbox the conversation was opened from,
/// and single-key shortcuts for what an agent does on every conversation (shown with <c>?</c>).
/// </summary>
public partial class ConversationView
{
    /// <summary>The shortcuts, in the order the help lists them.</summary>
    internal static readonly IReadOnlyList<(string Key, string Action)> Shortcuts =
    [
        ("j", "Next conversation in the list"),
        ("k", "Previous conversation in the list"),
        ("r", "Write a reply"),
        ("n", "Write an internal note"),
        ("a", "Assign to someone"),
        ("i", "Assign to me"),
        ("p", "Waiting on customer"),
        ("e", "Resolve"),
        ("Ctrl+Shift+Enter", "Send the reply and open the next"),
        ("u", "Back to the list"),
        ("?", "Show or hide these shortcuts"),
    ];

    private readonly PageShortcuts<ConversationView> _keys = new();
    private bool _help;

    [Inject]
    public required InboxTrail Trail { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    private TrailPlace? Place => Trail.PlaceOf(Id);

    /// <summary>A shortcut key pressed on the page outside any field (see <c>workspace.js</c>).</summary>
    [JSInvokable]
    public async Task ShortcutAsync(string key)
    {
        switch (key)
        {
            case "j":
                GoTo(Place?.Next);
                return;
            case "k":
                GoTo(Place?.Previous);
                return;
            case "u":
                Navigation.NavigateTo(Trail.Address);
                return;
            case "r":
                await FocusAsync("[data-testid=reply-input] textarea, textarea[data-testid=reply-input]");
                return;
            case "n":
                await FocusAsync("[data-testid=note-input] textarea, textarea[data-testid=note-input]");
                return;
            case "a":
                await FocusAsync("[data-testid=assignee-select] input, [data-testid=assignee-select] .mud-select-input");
                return;
            case "i" when !_busy:
                await ClaimAsync();
                break;
            case "p" when !_busy && _detail?.Status != ConversationStatuses.Pending:
                await ChangeStatusAsync(ConversationStatuses.Pending);
                break;
            case "e" when !_busy && _detail?.Status != ConversationStatuses.Resolved:
                await ChangeStatusAsync(ConversationStatuses.Resolved);
                break;
            case "?":
                _help = !_help;
                break;
            default:
                return;
        }

        StateHasChanged();
    }

    /// <summary>After "send and next": the next conversation of the list, or back to the list at its end.</summary>
    private Task NextAfterSendAsync()
    {
        Navigation.NavigateTo(Place?.Next is { } next ? $"conversations/{next}" : Trail.Address);
        return Task.CompletedTask;
    }

    private void GoTo(Guid? conversation)
    {
        if (conversation is { } id)
        {
            Navigation.NavigateTo($"conversations/{id}");
        }
    }

    private async Task FocusAsync(string selector) => await JS.InvokeVoidAsync("socialEnterprise.focus", selector);
}
