using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Web.Live;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Components.Inbox;

/// <summary>The inbox's views (built-in and saved) with their counts, and saving or deleting a view.</summary>
public partial class InboxViews : IAsyncDisposable
{
    // Counts cost one query per view: under a busy stream they follow every few seconds rather than with every row.
    private static readonly TimeSpan CountsRefreshInterval = TimeSpan.FromSeconds(2);

    private IReadOnlyList<InboxViewCount>? _views;
    private string? _error;
    private LiveRefresh? _refresh;

    [Inject]
    public required ConversationsClient ConversationsClient { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    /// <summary>The query the list shows: the view with the same query is the active one.</summary>
    [Parameter, EditorRequired]
    public required InboxQuery Query { get; set; }

    [Parameter, EditorRequired]
    public required EventCallback<InboxQuery> Choose { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _refresh = new LiveRefresh(cancellation => InvokeAsync(() => LoadAsync(cancellation)), CountsRefreshInterval, Time);
        await LoadAsync(CancellationToken.None);
    }

    /// <summary>Asks for fresh counts; they follow at most every <see cref="CountsRefreshInterval"/>.</summary>
    public void Request() => _refresh?.Request();

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            _views = await ConversationsClient.InboxCountsAsync(cancellationToken);
            _error = null;
        }
        catch (HttpRequestException exception)
        {
            _error = ApiProblemException.ReasonOf(exception);
        }

        StateHasChanged();
    }

    private bool IsActive(InboxViewCount view) => string.Equals(view.Query, Query.ToQueryString(), StringComparison.Ordinal);

    private async Task SaveViewAsync()
    {
        var parameters = new DialogParameters<SaveViewDialog> { { dialog => dialog.Query, Query } };
        var dialog = await Dialogs.ShowAsync<SaveViewDialog>(
            "Save this view", parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: SavedViewView saved })
        {
            Snackbar.Add($"Saved the view {saved.Name}", Severity.Success);
            await LoadAsync(CancellationToken.None);
        }
    }

    private async Task DeleteViewAsync(Guid id, string name)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Delete view", $"Delete your view {name}? The conversations in it stay as they are.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        try
        {
            await ConversationsClient.DeleteViewAsync(id, CancellationToken.None);
            Snackbar.Add($"Deleted the view {name}", Severity.Success);
        }
        catch (ApiProblemException problem) when (problem.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Deleted elsewhere already: the counts below drop it.
        }
        catch (HttpRequestException exception)
        {
            Snackbar.Add($"The view was not deleted: {ApiProblemException.ReasonOf(exception)}", Severity.Error);
        }

        await LoadAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_refresh is not null)
        {
            await _refresh.DisposeAsync();
        }
    }
}
