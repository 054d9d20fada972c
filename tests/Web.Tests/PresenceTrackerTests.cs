using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialEnterprise.TestSupport;
using SocialEnterprise.Web.Presence;

namespace SocialEnterprise.Web.Tests;

public sealed class PresenceTrackerTests
{
    private static readonly PresentStaff Alex = new(Guid.NewGuid(), "Alex Agent", ["support"]);
    private static readonly PresentStaff Lena = new(Guid.NewGuid(), "Lena Legal", ["legal"]);

    private readonly FakeTimeProvider _time = new();
    private readonly PresenceTracker _tracker;

    public PresenceTrackerTests() => _tracker = new PresenceTracker(_time, NullLogger<PresenceTracker>.Instance);

    [Fact]
    public async Task Staff_who_join_are_online_once_however_many_tabs_they_have()
    {
        await _tracker.JoinAsync("tab-1", Alex);
        await _tracker.JoinAsync("tab-2", Alex);
        await _tracker.JoinAsync("tab-3", Lena);

        Assert.Equal(["Alex Agent", "Lena Legal"], _tracker.Online.Select(staff => staff.DisplayName));
    }

    [Fact]
    public async Task A_viewer_shows_on_the_conversation_they_view_until_they_move_on_or_leave()
    {
        var conversation = Guid.NewGuid();
        var other = Guid.NewGuid();
        await _tracker.JoinAsync("alex", Alex);
        await _tracker.JoinAsync("lena", Lena);

        await _tracker.ViewAsync("alex", conversation);
        await _tracker.ViewAsync("lena", conversation);
        Assert.Equal(["Alex Agent", "Lena Legal"], _tracker.Viewers(conversation).Select(viewer => viewer.Staff.DisplayName));
        Assert.Empty(_tracker.Viewers(other));

        await _tracker.ViewAsync("alex", other);
        Assert.Equal(["Lena Legal"], _tracker.Viewers(conversation).Select(viewer => viewer.Staff.DisplayName));

        await _tracker.LeaveAsync("lena");
        Assert.Empty(_tracker.Viewers(conversation));
        Assert.Equal(["Alex Agent"], _tracker.Online.Select(staff => staff.DisplayName));
    }

    [Fact]
    public async Task Typing_ends_four_seconds_after_the_last_keystroke()
    {
        var conversation = Guid.NewGuid();
        await _tracker.JoinAsync("alex", Alex, conversation);
        await _tracker.ConnectionUpAsync("alex");

        await _tracker.TypingAsync("alex");
        Assert.True(Assert.Single(_tracker.Viewers(conversation)).Typing);

        _time.Advance(TimeSpan.FromSeconds(3));
        await _tracker.TypingAsync("alex");
        _time.Advance(TimeSpan.FromSeconds(3));
        await _tracker.SweepAsync();
        Assert.True(Assert.Single(_tracker.Viewers(conversation)).Typing);

        _time.Advance(TimeSpan.FromSeconds(1));
        await _tracker.SweepAsync();
        Assert.False(Assert.Single(_tracker.Viewers(conversation)).Typing);
    }

    [Fact]
    public async Task A_session_whose_connection_dropped_is_gone_within_a_minute_but_not_at_once()
    {
        var conversation = Guid.NewGuid();
        await _tracker.JoinAsync("alex", Alex, conversation);
        await _tracker.ConnectionUpAsync("alex");

        await _tracker.ConnectionDownAsync("alex");
        Assert.Empty(_tracker.Online);
        Assert.Single(_tracker.Viewers(conversation));

        _time.Advance(TimeSpan.FromSeconds(10));
        await _tracker.SweepAsync();
        Assert.Single(_tracker.Viewers(conversation));

        _time.Advance(TimeSpan.FromSeconds(10));
        await _tracker.SweepAsync();
        Assert.Empty(_tracker.Viewers(conversation));
    }

    [Fact]
    public async Task A_connection_that_comes_back_in_time_keeps_its_session()
    {
        var conversation = Guid.NewGuid();
        await _tracker.JoinAsync("alex", Alex, conversation);
        await _tracker.ConnectionUpAsync("alex");
        await _tracker.ConnectionDownAsync("alex");

        _time.Advance(TimeSpan.FromSeconds(15));
        await _tracker.ConnectionUpAsync("alex");
        _time.Advance(TimeSpan.FromMinutes(5));
        await _tracker.SweepAsync();

        Assert.Equal("Alex Agent", Assert.Single(_tracker.Viewers(conversation)).Staff.DisplayName);
        Assert.Single(_tracker.Online);
    }

    [Fact]
    public async Task A_session_no_connection_reported_on_is_gone_after_sixty_seconds_without_a_sign_of_life()
    {
        var conversation = Guid.NewGuid();
        await _tracker.JoinAsync("alex", Alex, conversation);

        _time.Advance(TimeSpan.FromSeconds(50));
        await _tracker.TypingAsync("alex");
        _time.Advance(TimeSpan.FromSeconds(59));
        await _tracker.SweepAsync();
        Assert.Single(_tracker.Viewers(conversation));

        _time.Advance(TimeSpan.FromSeconds(1));
        await _tracker.SweepAsync();
        Assert.Empty(_tracker.Viewers(conversation));
        Assert.Empty(_tracker.Online);
    }

    [Fact]
    public async Task Subscribers_hear_of_changes_but_not_of_repeats_and_not_after_unsubscribing()
    {
        var conversation = Guid.NewGuid();
        var changes = 0;
        var subscription = _tracker.Subscribe(() => { changes++; return Task.CompletedTask; });

        await _tracker.JoinAsync("alex", Alex);
        await _tracker.ViewAsync("alex", conversation);
        await _tracker.ViewAsync("alex", conversation);
        await _tracker.TypingAsync("alex");
        await _tracker.TypingAsync("alex");
        Assert.Equal(3, changes);

        _time.Advance(PresenceTracker.TypingFor);
        await _tracker.SweepAsync();
        await _tracker.SweepAsync();
        Assert.Equal(4, changes);

        subscription.Dispose();
        await _tracker.LeaveAsync("alex");
        Assert.Equal(4, changes);
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_keep_the_others_from_hearing()
    {
        var heard = 0;
        using var failing = _tracker.Subscribe(() => throw new InvalidOperationException("page gone"));
        using var working = _tracker.Subscribe(() => { heard++; return Task.CompletedTask; });

        await _tracker.JoinAsync("alex", Alex);

        Assert.Equal(1, heard);
    }

    [Fact]
    public async Task Calls_for_an_unknown_session_change_nothing()
    {
        var changes = 0;
        using var subscription = _tracker.Subscribe(() => { changes++; return Task.CompletedTask; });

        await _tracker.ViewAsync("nobody", Guid.NewGuid());
        await _tracker.TypingAsync("nobody");
        await _tracker.ConnectionDownAsync("nobody");

        Assert.Equal(0, changes);
        Assert.Empty(_tracker.Online);
    }

    [Fact]
    public void Initials_come_from_the_first_two_words_of_the_name()
    {
        Assert.Equal("AA", Alex.Initials);
        Assert.Equal("SS", new PresentStaff(Guid.NewGuid(), "Sam Support-Manager Senior", []).Initials);
    }
}

public sealed class PresenceSweepTests
{
    [Fact]
    public async Task The_sweep_ends_quiet_typing_every_second_on_its_own()
    {
        var time = new FakeTimeProvider();
        var tracker = new PresenceTracker(time, NullLogger<PresenceTracker>.Instance);
        var conversation = Guid.NewGuid();
        await tracker.JoinAsync("alex", new PresentStaff(Guid.NewGuid(), "Alex Agent", ["support"]), conversation);
        await tracker.ConnectionUpAsync("alex");
        await tracker.TypingAsync("alex");
        using var sweep = new PresenceSweep(tracker, time);
        await sweep.StartAsync(TestContext.Current.CancellationToken);

        for (var second = 0; second < 4; second++)
        {
            time.Advance(PresenceSweep.Interval);
        }

        await Eventually.TrueAsync(() => !tracker.Viewers(conversation)[0].Typing, TestContext.Current.CancellationToken);
        await sweep.StopAsync(TestContext.Current.CancellationToken);
    }
}
