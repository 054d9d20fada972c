using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Web.Access;
using SocialEnterprise.Web.Components.Shared;
using SocialEnterprise.Web.Live;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Components.Conversations;

public partial class ReplyComposer : IAsyncDisposable
{
    [CascadingParameter]
    private ReaderTime Reader { get; set; } = ReaderTime.Server;

    [Inject]
    public required RepliesClient RepliesClient { get; init; }

    [Inject]
    public required LiveEventStream Live { get; init; }

    [Inject]
    public required AuthenticationStateProvider Authentication { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    private static readonly TimeSpan DraftDelay = TimeSpan.FromSeconds(1);

    private IDisposable? _subscription;
    private CancellationTokenSource? _pendingSave;
    private Guid _loaded;
    private StaffMember? _me;
    private ReplyPolicyView? _policy;
    private DraftView? _draft;
    private DraftView? _theirs;
    private string _text = "";
    private string _visibility = ReplyVisibilities.Public;
    private int? _seenVersion;
    private ReplyGuardRefusal? _refusal;
    private bool _reviewed;
    private bool _thenNext;
    private bool _sending;
    private string? _textError;
    private string? _error;
    private string? _result;
    private int? _confirmingPublic;
    private bool _cannedOpen;
    private string _cannedSearch = "";
    private IReadOnlyList<CannedResponseView> _canned = [];
    private string? _cannedError;

    [Parameter, EditorRequired]
    public Guid ConversationId { get; set; }

    /// <summary>The conversation's version as the page shows it now; the author's own version stops following it once they write.</summary>
    [Parameter, EditorRequired]
    public int Version { get; set; }

    /// <summary>Whether the list the conversation was opened from has a next one: then "Send and next" is offered.</summary>
    [Parameter]
    public bool HasNext { get; set; }

    /// <summary>Called once a reply sent with "Send and next" (or Ctrl+Shift+Enter) was taken.</summary>
    [Parameter]
    public EventCallback SentAndNext { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _me = StaffMember.From((await Authentication.GetAuthenticationStateAsync()).User);
        _subscription = Live.Subscribe(envelope => envelope.StreamId == ConversationStream.Of(ConversationId)
            ? InvokeAsync(() => OnConversationEventAsync(envelope))
            : Task.CompletedTask);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded != ConversationId)
        {
            _loaded = ConversationId;
            _text = "";
            _refusal = null;
            _theirs = null;
            _seenVersion = Version;
            await LoadAsync();
        }

        // Until the author writes, they are looking at the thread as it is; from their first word on, a reply they send
        // answers the thread as it was then, and the Api's guard judges it by that version.
        if (_text.Length == 0 && _refusal is null)
        {
            _seenVersion = Version;
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _policy = await RepliesClient.ReplyPolicyAsync(ConversationId, CancellationToken.None);
            _visibility = _policy.DefaultVisibility;
            var draft = await RepliesClient.DraftAsync(ConversationId, CancellationToken.None);
            var typed = _text;
            Adopt(draft);
            if (typed.Length > 0 && typed != draft.Text)
            {
                // The author started typing before the shared draft arrived: their words stay, a colleague's are offered.
                _text = typed;
                _theirs = draft.Text.Length > 0 ? draft : null;
            }
        }
        catch (HttpRequestException exception)
        {
            _error = $"The composer could not load: {ApiProblemException.ReasonOf(exception)}";
        }
    }

    private void Adopt(DraftView draft)
    {
        _draft = draft;
        _theirs = null;
        _text = draft.Text;
        if (draft.Version > 0 && (_policy is null || _policy.Visibilities.Contains(draft.Visibility)))
        {
            _visibility = draft.Visibility;
        }
    }

    private async Task OnConversationEventAsync(EventEnvelope envelope)
    {
        if (envelope.ToEvent() is not ReplyDraftSaved saved || saved.SavedById == _me?.Id || saved.DraftVersion <= (_draft?.Version ?? 0))
        {
            return;
        }

        try
        {
            var current = await RepliesClient.DraftAsync(ConversationId, CancellationToken.None);
            if (_text == (_draft?.Text ?? ""))
            {
                // Nothing of ours is unsaved: the colleague's words simply show.
                Adopt(current);
                if (_text.Length == 0 && _refusal is null)
                {
                    _seenVersion = Version;
                }
            }
            else
            {
                _theirs = current;
            }
        }
        catch (HttpRequestException exception)
        {
            _error = $"A colleague's draft could not be loaded: {ApiProblemException.ReasonOf(exception)}";
        }

        StateHasChanged();
    }

    private Task TextChangedAsync(string? text)
    {
        _text = text ?? "";
        _textError = null;
        _result = null;
        ScheduleSave();
        return Task.CompletedTask;
    }

    private void ScheduleSave()
    {
        _pendingSave?.Cancel();
        _pendingSave?.Dispose();
        var pending = _pendingSave = new CancellationTokenSource();
        _ = SaveLaterAsync(pending.Token);
    }

    private async Task SaveLaterAsync(CancellationToken cancellation)
    {
        try
        {
            await Task.Delay(DraftDelay, Time, cancellation);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await InvokeAsync(async () =>
        {
            await SaveDraftAsync();
            StateHasChanged();
        });
    }

    private async Task BlurAsync(FocusEventArgs _)
    {
        _pendingSave?.Cancel();
        await SaveDraftAsync();
    }

    private async Task ChooseVisibilityAsync(string visibility)
    {
        _visibility = visibility;
        _confirmingPublic = null;
        if (_text.Length > 0 || _draft is { Version: > 0 })
        {
            await SaveDraftAsync(force: true);
        }
    }

    /// <summary>Saves the text as the shared draft when it differs from what is saved; a colleague's save in between is shown, not overwritten.</summary>
    private async Task SaveDraftAsync(bool force = false)
    {
        if (_sending || _theirs is not null || _draft is null || (!force && _text == _draft.Text))
        {
            return;
        }

        try
        {
            var result = await RepliesClient.SaveDraftAsync(ConversationId, new SaveDraftRequest(_text, _visibility, _draft.Version), CancellationToken.None);
            if (result.Saved is { } saved)
            {
                _draft = saved;
            }
            else
            {
                _theirs = result.Theirs;
            }
        }
        catch (HttpRequestException exception)
        {
            _error = $"The draft was not saved: {ApiProblemException.ReasonOf(exception)}";
        }
    }

    private Task TakeTheirsAsync()
    {
        if (_theirs is { } theirs)
        {
            Adopt(theirs);
        }

        return Task.CompletedTask;
    }

    private async Task KeepMineAsync()
    {
        if (_theirs is { } theirs)
        {
            _draft = theirs;
            _theirs = null;
            await SaveDraftAsync(force: true);
        }
    }

    private async Task KeyDownAsync(KeyboardEventArgs args)
    {
        if (args is { Key: "Enter", CtrlKey: true } or { Key: "Enter", MetaKey: true })
        {
            _thenNext = args.ShiftKey && HasNext;
            await SendAsync();
        }
    }

    private Task SendAsync() => _refusal is null ? SendOnAsync(_seenVersion ?? Version) : Task.CompletedTask;

    private Task SendOnlyAsync()
    {
        _thenNext = false;
        return SendAsync();
    }

    private Task SendAndNextAsync()
    {
        _thenNext = true;
        return SendAsync();
    }

    private Task SendAnywayAsync() => _refusal is { } refusal ? SendOnAsync(refusal.CurrentVersion) : Task.CompletedTask;

    private async Task SendOnAsync(int version, bool publicConfirmed = false)
    {
        if (_sending)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(_text))
        {
            _textError = "Write the reply first.";
            return;
        }

        if (PublicOnAPrivateMatter && !publicConfirmed)
        {
            // Ctrl+Enter included: a private matter goes public only after a second, deliberate click.
            _confirmingPublic = version;
            return;
        }

        _confirmingPublic = null;
        _sending = true;
        _error = null;
        _result = null;
        _pendingSave?.Cancel();
        try
        {
            var result = await RepliesClient.SendReplyAsync(ConversationId, new SendReplyRequest(_text.Trim(), _visibility, version), CancellationToken.None);
            if (result.Refusal is { } refusal)
            {
                _refusal = refusal;
                _reviewed = false;
            }
            else if (result.Reply is { } reply)
            {
                _refusal = null;
                _text = "";
                _seenVersion = reply.ConversationVersion;
                _result = reply.State == ReplyStates.AwaitingApproval
                    ? $"Sent for approval: {reply.ApprovalReason} Approvers have been notified."
                    : "Sent: the reply is on its way to the customer.";
                await ReloadDraftAsync();
                if (_thenNext)
                {
                    _thenNext = false;
                    await SentAndNext.InvokeAsync();
                }
            }
        }
        catch (ApiProblemException problem) when (problem.Errors.Count > 0)
        {
            _textError = problem.Errors.TryGetValue("text", out var text) ? string.Join(" ", text) : null;
            _error = _textError is null ? problem.Reason : null;
        }
        catch (HttpRequestException exception)
        {
            _error = $"The reply was not sent: {ApiProblemException.ReasonOf(exception)}";
        }
        finally
        {
            _sending = false;
        }
    }

    /// <summary>Sending emptied the shared draft on the Api; the composer follows its new version.</summary>
    private async Task ReloadDraftAsync()
    {
        try
        {
            _draft = await RepliesClient.DraftAsync(ConversationId, CancellationToken.None);
            _theirs = null;
        }
        catch (HttpRequestException exception)
        {
            _error = $"The draft could not be reloaded: {ApiProblemException.ReasonOf(exception)}";
        }
    }

    private async Task ReviewAsync()
    {
        if (_refusal is not { } refusal)
        {
            return;
        }

        _reviewed = true;
        // The page reloads live, so the new items are in the thread by now; marking them only helps the eye, so a browser
        // that cannot is no reason to stop.
        Guid[] ids = [.. refusal.NewMessageIds, .. refusal.NewReplyIds];
        try
        {
            await JS.InvokeAsync<int>("socialEnterprise.highlightThreadItems", new object?[] { ids });
        }
        catch (JSException)
        {
        }
    }

    private void KeepEditing()
    {
        if (_refusal is { } refusal)
        {
            // They were told what changed; what they write now answers the thread as it is.
            _seenVersion = refusal.CurrentVersion;
        }

        _refusal = null;
        _reviewed = false;
    }

    /// <summary>A public reply where the customer wrote privately (a direct message): warned about, and confirmed before it goes.</summary>
    private bool PublicOnAPrivateMatter => _visibility == ReplyVisibilities.Public && _policy is { CustomerWrotePrivately: true };

    private Task PostPubliclyAsync() => _confirmingPublic is { } version ? SendOnAsync(version, publicConfirmed: true) : Task.CompletedTask;

    private async Task KeepPrivateAsync()
    {
        var version = _confirmingPublic;
        await ChooseVisibilityAsync(ReplyVisibilities.Private);
        if (version is { } seen)
        {
            await SendOnAsync(seen);
        }
    }

    private string? ApprovalReason() => _policy is not { } policy ? null
        : _visibility == ReplyVisibilities.Private ? policy.PrivateApprovalReason : policy.PublicApprovalReason;

    private string DraftState()
    {
        if (_draft is not { Version: > 0, UpdatedAt: { } at } draft)
        {
            return _text.Length == 0 ? "No draft" : "Not saved yet";
        }

        var by = draft.UpdatedById == _me?.Id ? "you" : FirstName(draft.UpdatedByName);
        var saved = draft.Text.Length == 0 ? "Draft emptied" : "Draft saved";
        return _text == draft.Text ? $"{saved} {Reader.Clock(at)} by {by}" : $"{saved} {Reader.Clock(at)} by {by} · changes not saved yet";
    }

    private static string FirstName(string? name) => name is null ? "a colleague" : CannedResponseVariables.FirstNameOf(name);

    private static string VisibilityText(string visibility) => visibility == ReplyVisibilities.Private ? "Private (direct message)" : "Public";

    public ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _pendingSave?.Cancel();
        _pendingSave?.Dispose();
        return ValueTask.CompletedTask;
    }
}
