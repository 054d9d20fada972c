using System.Globalization;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Customers;

namespace SocialEnterprise.Domain.Routing;

/// <summary>
/// How much a conversation deserves attention now, 0 to 100, with one line per contribution ("+20 vip tier"): the
/// customer's tier and audience, how they feel, how urgent the message is and how long they have waited. Unlike the
/// stored priority label it moves with the waiting time, so it is worked out whenever it is shown.
/// </summary>
public sealed record PriorityScore(int Score, IReadOnlyList<string> Explanation)
{
    public const int VipPoints = 20;
    public const int MaxSentimentPoints = 17;
    public const int PointsPerHourWaiting = 5;
    public const int MaxWaitingPoints = 23;

    public static PriorityScore Of(
        string tier, int influence, string sentimentLabel, double sentimentScore, string urgency, DateTimeOffset? waitingSince,
        DateTimeOffset now)
    {
        var lines = new List<string>();
        var score = 0;

        void Add(int points, string why)
        {
            if (points > 0)
            {
                score += points;
                lines.Add($"+{points} {why}");
            }
        }

        if (tier == CustomerTiers.Vip)
        {
            Add(VipPoints, "vip tier");
        }

        Add(influence switch
        {
            >= 100_000 => 15,
            >= 10_000 => 10,
            >= 1_000 => 5,
            _ => 0,
        }, $"{influence.ToString("N0", CultureInfo.InvariantCulture)} followers");

        if (sentimentLabel == SentimentLabels.Negative)
        {
            var points = (int)Math.Round(Math.Min(1, Math.Abs(sentimentScore)) * MaxSentimentPoints, MidpointRounding.AwayFromZero);
            Add(Math.Max(1, points), $"negative sentiment ({Signed(sentimentScore)})");
        }

        Add(urgency switch
        {
            Urgencies.Critical => 25,
            Urgencies.High => 15,
            Urgencies.Normal => 5,
            _ => 0,
        }, $"{urgency} urgency");

        if (waitingSince is { } since && now > since)
        {
            var waited = now - since;
            Add(Math.Min(MaxWaitingPoints, (int)(waited.TotalHours * PointsPerHourWaiting)), $"waiting {Waited(waited)}");
        }

        return new PriorityScore(Math.Clamp(score, 0, 100), lines);
    }

    private static string Signed(double score) =>
        score.ToString("0.0#", CultureInfo.InvariantCulture).Replace('-', '−');

    private static string Waited(TimeSpan waited) => waited.TotalHours >= 48
        ? $"{(int)waited.TotalDays} d"
        : waited.TotalHours >= 1
            ? $"{(int)waited.TotalHours} h"
            : $"{(int)waited.TotalMinutes} min";
}
