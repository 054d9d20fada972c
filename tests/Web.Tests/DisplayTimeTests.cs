using SocialEnterprise.Web.Components.Shared;

namespace SocialEnterprise.Web.Tests;

/// <summary>Why a customer's message does not count from the time its channel gave it, in words.</summary>
public sealed class DisplayTimeTests
{
    private static readonly DateTimeOffset Received = new(2026, 12, 7, 19, 11, 0, TimeSpan.Zero);

    [Fact]
    public void A_message_delivered_days_late_says_when_it_reached_us_and_that_response_times_count_from_then()
    {
        var note = DisplayTime.DeliveryNote(Received.AddDays(-3).AddHours(-2), Received);

        Assert.NotNull(note);
        Assert.StartsWith("reached us 3 d 2 h after it was written, at ", note, StringComparison.Ordinal);
        Assert.EndsWith("; response times count from then", note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_dated_ahead_says_it_counts_from_its_arrival()
    {
        Assert.StartsWith("dated ahead by the channel; counted from its arrival at ", DisplayTime.DeliveryNote(Received.AddHours(6), Received), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-14)]
    [InlineData(0)]
    public void A_message_within_the_channels_usual_delay_has_no_note(int minutesLate)
    {
        Assert.Null(DisplayTime.DeliveryNote(Received.AddMinutes(minutesLate), Received));
        Assert.Null(DisplayTime.DeliveryNote(Received.AddSeconds(20), Received));
        Assert.Null(DisplayTime.DeliveryNote(Received, null));
    }
}
