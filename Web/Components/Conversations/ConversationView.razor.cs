using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Web.Access;
using SocialEnterprise.Web.Components.Shared;
using SocialEnterprise.Web.Live;
using SocialEnterprise.Web.Operations;
using SocialEnterprise.Web.Presence;

namespace SocialEnterprise.Web.Components.Conversations;

public partial class ConversationView : IAsyncDisposable
{
    [CascadingParameter]
    private ReaderTime Reader { get; set; } = ReaderTime.Server;

    [Inject]
    public required AssignmentClient AssignmentClient { get; init; }

    [Inject]
    public required ConversationsClient ConversationsClient { get; init; }

    [Inject]
    public required StaffClient StaffClient { get; init; }

    [Inject]
    public required LiveEventStream Live { get; init; }

    [Inject]
    public required PresenceSession Presence { get; init; }

    [Inject]
    public required AuthenticationStateProvider Authentication { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    private static readonly TimeSpan TypingReportInterval = TimeSpan.FromSeconds(1);

    private LiveReload? _live;
    private Guid _loaded;
    private Guid? _viewing;
    private ConversationDetail? _detail;
    private bool _notFound;
    private string? _error;
    private string? _actionError;
    private bool _busy;
    private StaffMember? _me;
    private string? _staffDepartment;
    private IReadOnlyList<StaffMemberView> _staff = [];
    private string? _staffError;
    private string _noteText = "";
    private string? _noteError;
    private bool _savingNote;
    private DateTimeOffset _lastTypingReport = DateTimeOffset.MinValue;

    [Parameter]
    public Guid Id { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _me = StaffMember.From((await Authentication.GetAuthenticationStateAsync()).User);
        // A draft save changes only the composer, which follows drafts itself.
        // Back after reconnecting: whatever happened meanwhile is only in the Api now.
        _live = new LiveReload(Live, Time, InvokeAsync, LoadAsync, envelope => envelope.StreamId == ConversationStream.Of(Id) && envelope.Type != nameof(SocialEnterprise.Contracts.Replies.ReplyDraftSaved));
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == Id)
        {
            return;
        }

        _loaded = Id;
        _detail = null;
        _notFound = false;
        _error = null;
        _actionError = null;
        _noteText = "";
        _noteError = null;
        _help = false;
        await LoadAsync(CancellationToken.None);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await _keys.ListenAsync(JS, "socialEnterprise.conversationKeys", this);
        // Only an interactive render gets here (never the prerender), so presence counts real browser tabs.
        if (_viewing == Id)
        {
            return;
        }

        if (_viewing is { } previous)
        {
            await Presence.StopViewingAsync(previous);
        }

        _viewing = Id;
        await Presence.ViewAsync(Id);
    }

    private Task ReloadAsync() => LoadAsync(CancellationToken.None);

    private async Task LoadAsync(CancellationToken cancellation)
    {
        var id = Id;
        try
        {
            var detail = await ConversationsClient.ConversationAsync(id, cancellation);
            if (id != Id)
            {
                return;
            }

            _detail = detail;
            _notFound = false;
            _error = null;
            if (_staffDepartment != detail.Department)
            {
                await LoadStaffAsync(detail.Department, cancellation);
            }
        }
        catch (ApiProblemException problem) when (problem.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            _detail = null;
            _notFound = true;
        }
        catch (HttpRequestException exception)
        {
            _error = $"The conversation could not be loaded: {ApiProblemException.ReasonOf(exception)}";
        }

        StateHasChanged();
    }

    private async Task LoadStaffAsync(string department, CancellationToken cancellation)
    {
        try
        {
            _staff = await StaffClient.StaffAsync(department, cancellation);
            _staffDepartment = department;
            _staffError = null;
        }
        catch (HttpRequestException exception)
        {
            _staff = [];
            _staffError = $"Colleagues could not be loaded: {ApiProblemException.ReasonOf(exception)}";
        }
    }

    /// <summary>The department's members, plus the current assignee when they are not one of them (so the select can show them).</summary>
    private IEnumerable<StaffMemberView> AssignableStaff(ConversationDetail detail) =>
        detail.AssigneeId is { } assignee && _staff.All(member => member.Id != assignee)
            ? _staff.Append(new StaffMemberView(assignee, detail.AssigneeName ?? "Someone else", []))
            : _staff;

    private string NameOf(Guid? id) =>
        id is null ? "" : _staff.FirstOrDefault(member => member.Id == id)?.DisplayName ?? (id == _detail?.AssigneeId ? _detail?.AssigneeName ?? "" : "");

    private Task ChangeStatusAsync(string status) =>
        ActAsync(cancellation => ConversationsClient.ChangeStatusAsync(Id, status, cancellation), $"The status did not change to {StatusDisplay.Conversation(status).Text.ToLowerInvariant()}");

    private Task AssignAsync(Guid? staffId) =>
        staffId == _detail?.AssigneeId
            ? Task.CompletedTask
            : ActAsync(cancellation => ConversationsClient.AssignAsync(Id, staffId, cancellation), staffId is null ? "Not unassigned" : "Not assigned");

    private Task ClaimAsync() => ActAsync(cancellation => AssignmentClient.ClaimAsync(Id, cancellation), "Not taken");

    private Task FollowAsync() =>
        _detail is { } detail
            ? ActAsync(cancellation => ConversationsClient.FollowAsync(Id, !detail.Following, cancellation), detail.Following ? "Still following" : "Not following")
            : Task.CompletedTask;

    private async Task ActAsync(Func<CancellationToken, Task> action, string failure)
    {
        _busy = true;
        _actionError = null;
        try
        {
            await action(CancellationToken.None);
        }
        catch (HttpRequestException exception)
        {
            _actionError = $"{failure}: {Reason(exception)}";
        }
        finally
        {
            _busy = false;
        }

        // Done or refused, the conversation may have moved on (a 409 says someone else changed it first).
        await LoadAsync(CancellationToken.None);
    }

    private async Task NoteChangedAsync(string? text)
    {
        _noteText = text ?? "";
        if (_noteError is not null && _noteText.Trim().Length > 0)
        {
            _noteError = null;
        }

        var now = Time.GetUtcNow();
        if (_noteText.Length > 0 && now - _lastTypingReport >= TypingReportInterval)
        {
            _lastTypingReport = now;
            await Presence.TypingAsync();
        }
    }

    private async Task AddNoteAsync()
    {
        if (string.IsNullOrWhiteSpace(_noteText))
        {
            _noteError = "Write the note first.";
            return;
        }

        _savingNote = true;
        _noteError = null;
        try
        {
            await ConversationsClient.AddNoteAsync(Id, _noteText.Trim(), CancellationToken.None);
            _noteText = "";
        }
        catch (ApiProblemException problem) when (problem.ErrorFor("text") is { } fieldError)
        {
            _noteError = fieldError;
        }
        catch (HttpRequestException exception)
        {
            _noteError = $"The note was not added: {Reason(exception)}";
        }
        finally
        {
            _savingNote = false;
        }

        if (_noteText.Length == 0)
        {
            await LoadAsync(CancellationToken.None);
        }
    }

    private static string Reason(HttpRequestException exception) => exception.StatusCode switch
    {
        HttpStatusCode.NotFound => "this conversation does not exist or is not visible to you.",
        HttpStatusCode.Forbidden => "your role does not allow it.",
        _ => ApiProblemException.ReasonOf(exception),
    };

    private static Color ScoreColor(int score) => score switch
    {
        >= 70 => Color.Error,
        >= 40 => Color.Warning,
        _ => Color.Default,
    };

    private string ServiceLevelText(ConversationDetail detail) => (detail.ServiceLevel, detail.ResponseDueAt) switch
    {
        (ServiceLevelStates.OnTrack, { } due) => $"On track · answer due {Reader.When(due)}",
        (ServiceLevelStates.AtRisk, { } due) => $"At risk · answer due {Reader.When(due)}",
        (ServiceLevelStates.Breached, { } due) => $"Breached · answer was due {Reader.When(due)}",
        _ => "No answer owed",
    };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public async ValueTask DisposeAsync()
    {
        await _keys.DisposeAsync();
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }

        if (_viewing is { } viewing)
        {
            await Presence.StopViewingAsync(viewing);
        }
    }
}
