using Microsoft.AspNetCore.Components;
using MudBlazor;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Web.Components.Shared;
using SocialEnterprise.Web.Live;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Components.Customers;

public partial class Customer360 : IAsyncDisposable
{
    [CascadingParameter]
    private ReaderTime Reader { get; set; } = ReaderTime.Server;

    [Inject]
    public required CustomersClient CustomersClient { get; init; }

    [Inject]
    public required LiveEventStream Live { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    public const int TimelinePageSize = 20;
    public const int SentimentDays = 90;
    public const int FrontDays = 14;

    private LiveReload? _live;
    private Guid _loaded;
    private bool _notFound;
    private CustomerProfile? _profile;
    private string? _profileError;
    private IReadOnlyList<SentimentPoint>? _sentiment;
    private string? _sentimentError;
    private UnifiedFront? _front;
    private string? _frontError;
    private List<TimelineItem>? _timeline;
    private DateTimeOffset? _before;
    private bool _pagedBeyondFirst;
    private bool _loadingMore;
    private string? _timelineError;
    // The chart's axis works in whole numbers: the −1…1 score is shown as −100…100, on a fixed scale so that one
    // day's mood is never stretched to fill the chart.
    private static readonly LineChartOptions SentimentChartOptions = new()
    {
        YAxisTicks = 50,
        YAxisSuggestedMax = 100,
        YAxisRequireZeroPoint = true,
        ShowDataMarkers = true,
        ShowLegend = false,
    };

    private List<ChartSeries<double>> _sentimentSeries = [];
    private string[] _sentimentLabels = [];

    [Parameter, EditorRequired]
    public Guid CustomerId { get; set; }

    /// <summary>The conversation the panel sits beside, marked in the open conversations.</summary>
    [Parameter]
    public Guid? CurrentConversationId { get; set; }

    protected override void OnInitialized()
    {
        // Events missed while reconnecting may have changed anything shown here.
        _live = new LiveReload(Live, Time, InvokeAsync, LoadAsync, envelope => Concerns(envelope));
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == CustomerId)
        {
            return;
        }

        _loaded = CustomerId;
        _profile = null;
        _sentiment = null;
        _front = null;
        _timeline = null;
        _before = null;
        _pagedBeyondFirst = false;
        await LoadAsync(CancellationToken.None);
    }

    private Task ReloadAsync() => LoadAsync(CancellationToken.None);

    private async Task LoadAsync(CancellationToken cancellation)
    {
        var id = CustomerId;
        await Task.WhenAll(LoadProfileAsync(id, cancellation), LoadSentimentAsync(id, cancellation), LoadFrontAsync(id, cancellation), LoadTimelineAsync(id, cancellation));
        StateHasChanged();
    }

    private async Task LoadProfileAsync(Guid id, CancellationToken cancellation)
    {
        try
        {
            _profile = await CustomersClient.CustomerAsync(id, cancellation);
            _profileError = null;
            _notFound = false;
        }
        catch (ApiProblemException problem) when (problem.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
        {
            _notFound = true;
        }
        catch (HttpRequestException exception)
        {
            _profileError = $"The customer could not be loaded: {ApiProblemException.ReasonOf(exception)}";
        }
    }

    private static DateTimeOffset DayOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private async Task LoadSentimentAsync(Guid id, CancellationToken cancellation)
    {
        try
        {
            var points = await CustomersClient.CustomerSentimentAsync(id, SentimentDays, cancellation);
            _sentiment = [.. points.OrderBy(point => point.Day)];
            // Named as the reports' axes are: a point per day with messages, a name only every few points.
            _sentimentLabels = TimeAxis.Labels([.. _sentiment.Select(point => DayOf(point.Day))], hourly: false, TimeZoneInfo.Utc);
            _sentimentSeries = [new ChartSeries<double> { Name = "Average sentiment", Data = _sentiment.Select(point => (double)SentimentPercent(point.Average)).ToArray() }];
            _sentimentError = null;
        }
        catch (HttpRequestException exception)
        {
            _sentimentError = $"The sentiment could not be loaded: {ApiProblemException.ReasonOf(exception)}";
        }
    }

    private async Task LoadFrontAsync(Guid id, CancellationToken cancellation)
    {
        try
        {
            _front = await CustomersClient.UnifiedFrontAsync(id, FrontDays, cancellation);
            _frontError = null;
        }
        catch (HttpRequestException exception)
        {
            _frontError = $"Who else is engaged could not be loaded: {ApiProblemException.ReasonOf(exception)}";
        }
    }

    /// <summary>
    /// The newest page; when older pages were loaded already they stay below it, so that a live reload does not
    /// throw away what the user paged to.
    /// </summary>
    private async Task LoadTimelineAsync(Guid id, CancellationToken cancellation)
    {
        try
        {
            var page = await CustomersClient.CustomerTimelineAsync(id, null, TimelinePageSize, cancellation);
            if (!_pagedBeyondFirst || _timeline is null || page.Items.Count == 0)
            {
                _timeline = [.. page.Items];
                _before = page.Before;
                _pagedBeyondFirst = false;
            }
            else
            {
                var fresh = page.Items.Select(item => item.Id).ToHashSet();
                var oldest = page.Items.Min(item => item.At);
                _timeline = [.. page.Items, .. _timeline.Where(item => !fresh.Contains(item.Id) && item.At < oldest)];
            }

            _timelineError = null;
        }
        catch (HttpRequestException exception)
        {
            _timelineError = $"The timeline could not be loaded: {ApiProblemException.ReasonOf(exception)}";
        }
    }

    private async Task LoadMoreAsync()
    {
        if (_before is not { } before || _timeline is null)
        {
            return;
        }

        _loadingMore = true;
        try
        {
            var page = await CustomersClient.CustomerTimelineAsync(CustomerId, before, TimelinePageSize, CancellationToken.None);
            var known = _timeline.Select(item => item.Id).ToHashSet();
            _timeline.AddRange(page.Items.Where(item => !known.Contains(item.Id)));
            _before = page.Before;
            _pagedBeyondFirst = true;
            _timelineError = null;
        }
        catch (HttpRequestException exception)
        {
            _timelineError = $"Older interactions could not be loaded: {ApiProblemException.ReasonOf(exception)}";
        }
        finally
        {
            _loadingMore = false;
        }
    }

    private bool Concerns(EventEnvelope envelope)
    {
        if (envelope.StreamId == CustomerStream.Of(CustomerId)
            || _profile?.Conversations.Any(conversation => ConversationStream.Of(conversation.Id) == envelope.StreamId) == true)
        {
            return true;
        }

        if (!envelope.StreamId.StartsWith("conversation/", StringComparison.Ordinal) && !envelope.StreamId.StartsWith("customer/", StringComparison.Ordinal))
        {
            return false;
        }

        return envelope.ToEvent() switch
        {
            ConversationOpened opened => opened.CustomerId == CustomerId,
            MessageReceived message => message.CustomerId == CustomerId,
            NoteAdded note => note.CustomerId == CustomerId,
            CustomersMerged merged => merged.SourceId == CustomerId || merged.TargetId == CustomerId,
            CustomerMergeUndone undone => undone.SourceId == CustomerId || undone.TargetId == CustomerId,
            _ => false,
        };
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Shortened(string text) => text.Length <= 80 ? text : text[..79] + "…";

    public async ValueTask DisposeAsync()
    {
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }
    }

    private static int SentimentPercent(double average) => (int)Math.Round(average * 100);
}
