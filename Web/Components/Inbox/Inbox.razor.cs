using SocialEnterprise.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web.Virtualization;
using Microsoft.JSInterop;
using MudBlazor;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Web.Live;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Components.Inbox;

public partial class Inbox : IAsyncDisposable
{
    [Inject]
    private InboxTrail Trail { get; set; } = default!;

    [Inject]
    public required ClassificationClient ClassificationClient { get; init; }

    [Inject]
    public required ConversationsClient ConversationsClient { get; init; }

    [Inject]
    public required StaffClient StaffClient { get; init; }

    [Inject]
    public required LiveEventStream Live { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    // Fixed, so that the virtualised list can place any row without measuring it (the stylesheet keeps rows at this height).
    private const float RowHeight = 64;
    private const int FirstPageSize = 50;

    private readonly Dictionary<int, ConversationSummary> _rows = [];
    private IReadOnlyList<InboxFilter> _filters = [];
    private InboxViews? _views;
    private InboxQuery _query = new();
    private bool _filtersShown;
    private string? _search;
    private IReadOnlyList<StaffMemberView> _staff = [];
    private IReadOnlyList<TopicView> _topics = [];
    private bool _loaded;
    private int _total;
    private bool _capped;
    private bool _endReached;
    private string? _error;
    private int _generation;
    private int _listVersion;
    private Guid? _selectedId;
    private int _selectedIndex = -1;
    private bool _reveal;
    private bool _help;
    private DateTimeOffset _now;
    private bool _missedEvents;
    private Virtualize<InboxRow>? _virtualize;
    private ElementReference _list;
    private MudTextField<string>? _searchField;
    private IDisposable? _subscription;
    private static readonly TimeSpan ListRefreshInterval = TimeSpan.FromMilliseconds(250);

    private LiveRefresh? _refresh;
    private ITimer? _clock;
    private readonly PageShortcuts<Inbox> _keys = new();

    /// <summary>A conversation at its place in the list.</summary>
    public sealed record InboxRow(int Index, ConversationSummary Conversation);

    private bool ListShown => _loaded && _error is null && _total > 0;

    protected override async Task OnInitializedAsync()
    {
        _now = Time.GetUtcNow();
        _query = QueryFromAddress();
        _search = _query.Q;
        _filters = InboxFilter.All(_staff, _topics);
        Navigation.LocationChanged += LocationChanged;
        _refresh = new LiveRefresh(cancellation => InvokeAsync(() => ReloadAsync(showLoading: false, withCounts: false, cancellation)), ListRefreshInterval, Time);
        _subscription = Live.Subscribe(OnEventAsync, OnStateChangedAsync);
        // Relative times and response clocks move on without any event: look again every minute.
        _clock = Time.CreateTimer(_ => RequestReload(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        var choices = LoadChoicesAsync();
        await ReloadAsync(showLoading: true, withCounts: true, CancellationToken.None);
        await choices;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await _keys.ListenAsync(JS, "socialEnterprise.inboxKeys", this);
        }

        if (_reveal && _selectedIndex >= 0 && ListShown)
        {
            _reveal = false;
            try
            {
                await JS.InvokeVoidAsync("socialEnterprise.inboxReveal", _list, _selectedIndex, RowHeight);
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }

    private void Open(InboxRow row)
    {
        _selectedId = row.Conversation.Id;
        _selectedIndex = row.Index;
        OpenSelected(row.Conversation.Id);
    }

    /// <summary>Opens a conversation, leaving the list behind as its trail: previous and next there, and the way back.</summary>
    private void OpenSelected(Guid id)
    {
        Trail.Remember(Navigation.ToBaseRelativePath(Navigation.Uri), _rows.OrderBy(row => row.Key).Select(row => row.Value.Id), _total);
        Navigation.NavigateTo($"conversations/{id}");
    }

    /// <summary>
    /// How many rows the list can hold: the total, or, past the count's cap, every row loaded so far and one more
    /// page, so that scrolling keeps going until the Api has no more.
    /// </summary>
    private int RowCount
    {
        get
        {
            if (!_capped || _rows.Count == 0)
            {
                return _total;
            }

            var loaded = _rows.Keys.Max() + 1;
            return _endReached ? loaded : Math.Max(_total, loaded + InboxQuery.DefaultLimit);
        }
    }

    private async ValueTask<ItemsProviderResult<InboxRow>> RowsAsync(ItemsProviderRequest request)
    {
        var total = RowCount;
        var count = Math.Min(request.Count, total - request.StartIndex);
        if (count <= 0)
        {
            return new ItemsProviderResult<InboxRow>([], total);
        }

        // Rows already loaded are served as they are; only the rest is asked for.
        var end = request.StartIndex + count;
        var missing = request.StartIndex;
        while (missing < end && _rows.ContainsKey(missing))
        {
            missing++;
        }

        var rows = Enumerable.Range(request.StartIndex, missing - request.StartIndex).Select(index => new InboxRow(index, _rows[index])).ToList();
        if (missing == end)
        {
            return new ItemsProviderResult<InboxRow>(rows, total);
        }

        var generation = _generation;
        try
        {
            var asked = Math.Min(end - missing, InboxQuery.MaxLimit);
            var page = await ConversationsClient.InboxAsync(_query, asked, missing, request.CancellationToken);
            var fetched = page.Items.Select((conversation, offset) => new InboxRow(missing + offset, conversation)).ToList();
            if (generation == _generation)
            {
                Remember(fetched);
                _endReached |= fetched.Count < asked;
            }

            return new ItemsProviderResult<InboxRow>([.. rows, .. fetched], RowCount);
        }
        catch (HttpRequestException exception)
        {
            if (generation == _generation)
            {
                _error = ApiProblemException.ReasonOf(exception);
                _ = InvokeAsync(StateHasChanged);
            }

            return new ItemsProviderResult<InboxRow>(rows, total);
        }
    }

    private void Remember(IEnumerable<InboxRow> rows)
    {
        foreach (var row in rows)
        {
            _rows[row.Index] = row.Conversation;
            if (_selectedId == row.Conversation.Id)
            {
                _selectedIndex = row.Index;
            }
            else if (_selectedId is null && _selectedIndex == row.Index)
            {
                _selectedId = row.Conversation.Id;
            }
        }
    }

    private async Task ReloadAsync(bool showLoading, bool withCounts, CancellationToken cancellationToken)
    {
        var generation = ++_generation;
        var wasShown = ListShown;
        _now = Time.GetUtcNow();
        if (showLoading)
        {
            // Another query: a fresh list, whether or not the loading state got to render in between.
            _listVersion++;
            _loaded = false;
            _error = null;
            wasShown = false;
            StateHasChanged();
        }

        // The views load their own counts when they first show; after that the list asks them along.
        var counts = withCounts && _views is not null ? _views.LoadAsync(cancellationToken) : Task.CompletedTask;
        try
        {
            var page = await ConversationsClient.InboxAsync(_query, FirstPageSize, 0, cancellationToken);
            if (generation != _generation)
            {
                // A newer load (another filter, a later event) overtook this one.
                return;
            }

            _rows.Clear();
            _endReached = false;
            Remember(page.Items.Select((conversation, index) => new InboxRow(index, conversation)));
            _total = page.Total;
            _capped = page.TotalCapped;
            _loaded = true;
            _error = null;
        }
        catch (HttpRequestException exception)
        {
            if (generation == _generation)
            {
                _error = ApiProblemException.ReasonOf(exception);
            }
        }

        await counts;
        if (generation != _generation)
        {
            return;
        }

        if (wasShown && ListShown && _virtualize is not null)
        {
            await _virtualize.RefreshDataAsync();
        }

        StateHasChanged();
    }

    private async Task LoadChoicesAsync()
    {
        var staff = StaffClient.StaffAsync(null, CancellationToken.None);
        var topics = ClassificationClient.TopicsAsync(CancellationToken.None);
        try
        {
            _staff = [.. (await staff).OrderBy(member => member.DisplayName, StringComparer.CurrentCulture)];
        }
        catch (HttpRequestException)
        {
            // Without the list the filter still offers Anyone, Me and Unassigned.
        }

        try
        {
            _topics = await topics;
        }
        catch (HttpRequestException)
        {
            // Without the catalogue the topic filter offers only Any topic.
        }

        _filters = InboxFilter.All(_staff, _topics);
    }

    private void RequestReload()
    {
        _refresh?.Request();
        _views?.Request();
    }

    private Task RetryAsync() => ReloadAsync(showLoading: true, withCounts: true, CancellationToken.None);

    private Task OnEventAsync(EventEnvelope envelope)
    {
        if (envelope.StreamId.StartsWith("conversation/", StringComparison.Ordinal)
            || envelope.Type is nameof(SocialEnterprise.Contracts.Customers.CustomersMerged) or nameof(SocialEnterprise.Contracts.Customers.CustomerMergeUndone))
        {
            RequestReload();
        }

        return Task.CompletedTask;
    }

    private Task OnStateChangedAsync(LiveConnectionState state)
    {
        if (state == LiveConnectionState.Reconnecting)
        {
            _missedEvents = true;
        }
        else if (state == LiveConnectionState.Live && _missedEvents)
        {
            // Back after a break: what happened meanwhile may not all come as events this page reacts to.
            _missedEvents = false;
            RequestReload();
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Navigation.LocationChanged -= LocationChanged;
        _subscription?.Dispose();
        _clock?.Dispose();
        if (_refresh is not null)
        {
            await _refresh.DisposeAsync();
        }

        await _keys.DisposeAsync();
    }
}
