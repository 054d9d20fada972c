using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Infrastructure.Collaboration;

namespace SocialEnterprise.Infrastructure.Tests.Collaboration;

public sealed class MentionsTests
{
    [Theory]
    [InlineData("Could @lena look?", new[] { "lena" })]
    [InlineData("@Legal and @LenaLegal, then @legal again.", new[] { "legal", "lenalegal" })]
    [InlineData("Write to mail@legal.example or see @support.", new[] { "support" })]
    [InlineData("No mentions here, not even @ alone.", new string[0])]
    [InlineData("(@priya) asked @sales.manager", new[] { "priya", "sales.manager" })]
    public void Handles_are_the_words_after_an_at_sign_that_starts_a_word(string text, string[] handles) =>
        Assert.Equal(handles, Mentions.HandlesIn(text));
}

public sealed class ConsultClockTests
{
    private static readonly DateTimeOffset Asked = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, ConsultStates.Open, ConsultClockStates.OnTrack)]
    [InlineData(191, ConsultStates.Accepted, ConsultClockStates.OnTrack)]
    [InlineData(192, ConsultStates.Open, ConsultClockStates.AtRisk)]
    [InlineData(240, ConsultStates.Accepted, ConsultClockStates.Overdue)]
    [InlineData(500, ConsultStates.Answered, ConsultClockStates.Stopped)]
    [InlineData(500, ConsultStates.Declined, ConsultClockStates.Stopped)]
    public void A_four_hour_consult_is_at_risk_after_80_percent_and_overdue_at_its_due_moment(int minutes, string state, string clock) =>
        Assert.Equal(clock, ConsultClocks.Of(state, Asked.AddMinutes(192), Asked.AddHours(4), Asked.AddMinutes(minutes)));

    [Fact]
    public void Consult_targets_fall_back_to_the_default()
    {
        var targets = new ConsultTargets();

        Assert.Equal(TimeSpan.FromHours(8), targets.For("engineering"));
        Assert.Equal(TimeSpan.FromHours(4), targets.For("legal"));
        Assert.Equal(TimeSpan.FromHours(4), targets.For("marketing"));
    }
}
