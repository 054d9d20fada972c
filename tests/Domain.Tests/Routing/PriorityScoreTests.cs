using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Routing;

namespace SocialEnterprise.Domain.Tests.Routing;

public sealed class PriorityScoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_factor_adds_points_with_a_line_that_explains_them()
    {
        var score = PriorityScore.Of(CustomerTiers.Vip, 12_000, SentimentLabels.Negative, -0.7, Urgencies.High, Now.AddHours(-3), Now);

        Assert.Equal(["+20 vip tier", "+10 12,000 followers", "+12 negative sentiment (−0.7)", "+15 high urgency", "+15 waiting 3 h"], score.Explanation);
        Assert.Equal(20 + 10 + 12 + 15 + 15, score.Score);
    }

    [Fact]
    public void A_calm_standard_customer_who_is_not_waiting_scores_little()
    {
        var score = PriorityScore.Of(CustomerTiers.Standard, 10, SentimentLabels.Positive, 0.8, Urgencies.Low, null, Now);

        Assert.Equal(0, score.Score);
        Assert.Empty(score.Explanation);
    }

    [Fact]
    public void Waiting_counts_more_the_longer_it_lasts_up_to_a_cap()
    {
        var minutes = PriorityScore.Of(CustomerTiers.Standard, 0, SentimentLabels.Neutral, 0, Urgencies.Low, Now.AddMinutes(-30), Now);
        var hours = PriorityScore.Of(CustomerTiers.Standard, 0, SentimentLabels.Neutral, 0, Urgencies.Low, Now.AddHours(-2), Now);
        var days = PriorityScore.Of(CustomerTiers.Standard, 0, SentimentLabels.Neutral, 0, Urgencies.Low, Now.AddDays(-3), Now);

        Assert.Equal(2, minutes.Score);
        Assert.Equal(["+2 waiting 30 min"], minutes.Explanation);
        Assert.Equal(10, hours.Score);
        Assert.Equal(PriorityScore.MaxWaitingPoints, days.Score);
        Assert.Equal([$"+{PriorityScore.MaxWaitingPoints} waiting 3 d"], days.Explanation);
    }

    [Fact]
    public void The_score_never_passes_100()
    {
        var score = PriorityScore.Of(CustomerTiers.Vip, 1_000_000, SentimentLabels.Negative, -1, Urgencies.Critical, Now.AddDays(-10), Now);

        Assert.Equal(100, score.Score);
    }

    [Theory]
    [InlineData(999, 0)]
    [InlineData(1_000, 5)]
    [InlineData(10_000, 10)]
    [InlineData(100_000, 15)]
    public void A_larger_audience_raises_the_score(int followers, int points)
    {
        Assert.Equal(points, PriorityScore.Of(CustomerTiers.Standard, followers, SentimentLabels.Neutral, 0, Urgencies.Low, null, Now).Score);
    }
}
