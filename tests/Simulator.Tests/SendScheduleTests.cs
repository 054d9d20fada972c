using SocialEnterprise.Simulator.Sending;

namespace SocialEnterprise.Simulator.Tests;

public sealed class SendScheduleTests
{
    [Fact]
    public void After_t_seconds_rate_times_t_events_have_fallen_due()
    {
        var schedule = SendSchedule.PerSecond(5);

        Assert.Equal(0, schedule.Release(TimeSpan.FromMilliseconds(100)));
        Assert.Equal(1, schedule.Release(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(0, schedule.Release(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(4, schedule.Release(TimeSpan.FromSeconds(1)));
        Assert.Equal(5, schedule.Release(TimeSpan.FromSeconds(2)));
        Assert.Equal(2, schedule.Release(TimeSpan.FromSeconds(2.5)));
        Assert.Equal(0, schedule.Missed);
    }

    [Fact]
    public void Ticks_at_any_spacing_release_the_same_total()
    {
        var fine = SendSchedule.PerSecond(200);
        var coarse = SendSchedule.PerSecond(200);

        var fineTotal = Enumerable.Range(1, 1_000).Sum(i => fine.Release(TimeSpan.FromMilliseconds(10 * i)));
        var coarseTotal = Enumerable.Range(1, 100).Sum(i => coarse.Release(TimeSpan.FromMilliseconds(100 * i)));

        Assert.Equal(2_000, fineTotal);
        Assert.Equal(2_000, coarseTotal);
    }

    [Fact]
    public void A_fractional_rate_sends_one_event_every_few_seconds()
    {
        var schedule = SendSchedule.PerSecond(0.5);

        Assert.Equal(0, schedule.Release(TimeSpan.FromSeconds(1.9)));
        Assert.Equal(1, schedule.Release(TimeSpan.FromSeconds(2)));
        Assert.Equal(0, schedule.Release(TimeSpan.FromSeconds(3)));
        Assert.Equal(1, schedule.Release(TimeSpan.FromSeconds(4.1)));
        Assert.Equal(1, schedule.Burst);
    }

    [Fact]
    public void Rounding_does_not_lose_an_event_that_is_exactly_due()
    {
        var schedule = SendSchedule.PerSecond(10);

        Assert.Equal(3, schedule.Release(TimeSpan.FromSeconds(0.3)));
    }

    [Fact]
    public void A_sender_that_fell_behind_catches_up_by_one_burst_and_counts_the_rest_as_missed()
    {
        var schedule = SendSchedule.PerSecond(10);

        Assert.Equal(10, schedule.Release(TimeSpan.FromSeconds(5)));
        Assert.Equal(40, schedule.Missed);
        Assert.Equal(1, schedule.Release(TimeSpan.FromSeconds(5.1)));
        Assert.Equal(10, schedule.Release(TimeSpan.FromSeconds(6.1)));
        Assert.Equal(40, schedule.Missed);
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(5, 100)]
    [InlineData(50, 20)]
    [InlineData(200, 10)]
    [InlineData(5_000, 10)]
    public void The_sender_looks_about_once_per_event_but_not_more_than_every_10_ms_nor_less_than_every_100_ms(double rate, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), SendSchedule.PerSecond(rate).Tick);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_rate_that_is_not_a_positive_number_is_refused(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SendSchedule(rate, 1));
    }
}
