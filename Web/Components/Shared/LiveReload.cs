using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Web.Live;

namespace SocialEnterprise.Web.Components.Shared;

/// <summary>
/// A component's live subscription: an event it <c>concerns</c> itself with (and, unless told otherwise, the stream
/// coming back after a break, when events may have been missed) asks for a reload; reloads are throttled by
/// <see cref="LiveRefresh"/> and run on the component's dispatcher through its <c>InvokeAsync</c>. The component
/// disposes it with itself.
/// </summary>
public sealed class LiveReload : IAsyncDisposable
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(500);

    private readonly LiveRefresh _refresh;
    private readonly IDisposable _subscription;

    public LiveReload(
        LiveEventStream live, TimeProvider time, Func<Func<Task>, Task> invoke, Func<CancellationToken, Task> reload,
        Func<EventEnvelope, bool> concerns, TimeSpan? interval = null, bool whenBackLive = true)
    {
        _refresh = new LiveRefresh(cancellation => invoke(() => reload(cancellation)), interval ?? DefaultInterval, time);
        _subscription = live.Subscribe(
            envelope =>
            {
                if (concerns(envelope))
                {
                    _refresh.Request();
                }

                return Task.CompletedTask;
            },
            whenBackLive
                ? state =>
                {
                    if (state == LiveConnectionState.Live)
                    {
                        _refresh.Request();
                    }

                    return Task.CompletedTask;
                }
                : null);
    }

    /// <summary>Asks for a reload without an event (a timer, a change made on this page).</summary>
    public void Request() => _refresh.Request();

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _refresh.DisposeAsync();
    }
}
