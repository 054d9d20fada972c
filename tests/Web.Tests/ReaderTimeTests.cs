using SocialEnterprise.Web.Components.Shared;

namespace SocialEnterprise.Web.Tests;

/// <summary>Times as the reader reads them: in their own zone, with the day when it is not today; and why a message's own date is not trusted.</summary>
public sealed class ReaderTimeTests
{
    private static readonly DateTimeOffset Received = new(2026, 12, 7, 19, 11, 0, TimeSpan.Zero);

    [Fact]
    public void A_message_delivered_days_late_says_when_it_reached_us_and_that_response_times_count_from_then()
    {
        var note = ReaderTime.Server.DeliveryNote(Received.AddDays(-3).AddHours(-2), Received);

        Assert.NotNull(note);
        Assert.StartsWith("reached us 3 d 2 h after it was written, at ", note, StringComparison.Ordinal);
        Assert.EndsWith("; response times count from then", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_dated_ahead_says_it_counts_from_its_arrival()
    {
        Assert.StartsWith("dated ahead by the channel; counted from its arrival at ", ReaderTime.Server.DeliveryNote(Received.AddHours(6), Received), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-14)]
    [InlineData(0)]
    public void A_message_within_the_channels_usual_delay_has_no_note(int minutesLate)
    {
        Assert.Null(ReaderTime.Server.DeliveryNote(Received.AddMinutes(minutesLate), Received));
        Assert.Null(ReaderTime.Server.DeliveryNote(Received.AddSeconds(20), Received));
        Assert.Null(ReaderTime.Server.DeliveryNote(Received, null));
    }

    [Fact]
    public void A_moment_is_written_in_the_readers_own_time_zone()
    {
        var at = new DateTimeOffset(2026, 12, 7, 20, 30, 0, TimeSpan.Zero);

        Assert.Equal("2026-12-08 05:30", ReaderTime.For("Asia/Tokyo").When(at));
        Assert.Equal("2026-12-07 15:30", ReaderTime.For("America/New_York").When(at));
        Assert.Equal("05:30", ReaderTime.For("Asia/Tokyo").Clock(at));
    }

    [Fact]
    public void A_due_time_that_falls_tomorrow_where_the_reader_is_says_so()
    {
        var now = new DateTimeOffset(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);
        var due = now.AddHours(6);

        // 02:00 UTC on the 8th: tomorrow in Paris (03:00), still today in New York (21:00), and two days off nowhere.
        Assert.Equal("due tomorrow 03:00", ReaderTime.For("Europe/Paris").Due(due, now));
        Assert.Equal("due 21:00", ReaderTime.For("America/New_York").Due(due, now));
        Assert.Equal("due 10 Dec 09:00", ReaderTime.For("Europe/Paris").Due(new DateTimeOffset(2026, 12, 10, 8, 0, 0, TimeSpan.Zero), now));
        Assert.Equal("due in 30 min", ReaderTime.For("Europe/Paris").Due(now.AddMinutes(30), now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Not/AZone")]
    public void A_reader_whose_browser_did_not_say_reads_the_servers_time(string? zone) =>
        Assert.Same(ReaderTime.Server, ReaderTime.For(zone));
}
