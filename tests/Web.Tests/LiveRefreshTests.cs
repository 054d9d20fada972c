using Microsoft.Extensions.Time.Testing;
using SocialEnterprise.TestSupport;
using SocialEnterprise.Web.Live;

namespace SocialEnterprise.Web.Tests;

public sealed class LiveRefreshTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task A_burst_of_events_reloads_at_once_and_once_more_after_the_interval()
    {
        var time = new FakeTimeProvider();
        var reloads = 0;
        await using var refresh = new LiveRefresh(_ => { Interlocked.Increment(ref reloads); return Task.CompletedTask; }, Interval, time);

        refresh.Request();
        await Eventually.TrueAsync(() => Volatile.Read(ref reloads) == 1, TestContext.Current.CancellationToken);
        for (var i = 0; i < 100; i++)
        {
            refresh.Request();
        }

        Assert.Equal(1, Volatile.Read(ref reloads));
        time.Advance(Interval);
        await Eventually.TrueAsync(() => Volatile.Read(ref reloads) == 2, TestContext.Current.CancellationToken);
        await UntilIdleAsync(refresh, time);

        Assert.Equal(2, reloads);
    }

    [Fact]
    public async Task A_request_after_a_quiet_spell_reloads_at_once()
    {
        var time = new FakeTimeProvider();
        var reloads = 0;
        await using var refresh = new LiveRefresh(_ => { Interlocked.Increment(ref reloads); return Task.CompletedTask; }, Interval, time);

        refresh.Request();
        await Eventually.TrueAsync(() => Volatile.Read(ref reloads) == 1, TestContext.Current.CancellationToken);
        await UntilIdleAsync(refresh, time);
        refresh.Request();

        await Eventually.TrueAsync(() => Volatile.Read(ref reloads) == 2, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_failing_reload_does_not_stop_later_ones()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        await using var refresh = new LiveRefresh(
            _ => Interlocked.Increment(ref calls) == 1 ? throw new HttpRequestException("Api down") : Task.CompletedTask, Interval, time);

        refresh.Request();
        await Eventually.TrueAsync(() => Volatile.Read(ref calls) == 1, TestContext.Current.CancellationToken);
        await refresh.IdleAsync();
        refresh.Request();

        await Eventually.TrueAsync(() => Volatile.Read(ref calls) == 2, TestContext.Current.CancellationToken);
    }

    /// <summary>Lets fake time pass until the refresh has nothing left to do (its wait may start a moment after a reload).</summary>
    private static async Task UntilIdleAsync(LiveRefresh refresh, FakeTimeProvider time)
    {
        while (!refresh.IdleAsync().IsCompleted)
        {
            time.Advance(Interval);
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
