using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Domain.Classification;

/// <summary>
/// How soon a message needs an answer. Questions and complaints start at normal and rise with what they say (legal
/// threats, safety, outages and break-ins are critical; money or access lost, being ignored, explicit urgency, formal
/// data requests and customers leaving are high), with anger, and with a large audience watching. Praise, ideas,
/// opinions and small talk can wait.
/// </summary>
internal static class UrgencyAssessment
{
    private const int LargeFollowing = 10_000;

    public static string Assess(
        ClassificationInput input, string type, SentimentReading sentiment, IReadOnlyList<Token> body, List<ClassificationSignal> signals)
    {
        // Opinions can still carry a threat or a danger; praise, ideas and small talk use such words in fun ("this lamp is fire").
        var answered = type is MessageTypes.Complaint or MessageTypes.Question;
        if (!answered && type != MessageTypes.Feedback)
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Urgency, $"a message of type {type} can wait", []));
            return Urgencies.Low;
        }

        var rank = Urgencies.Rank(answered ? Urgencies.Normal : Urgencies.Low);
        var reasons = new Dictionary<string, (int Rank, List<string> Words)>(StringComparer.Ordinal);
        foreach (var cue in UrgencyCues.Phrases.FindLongest(body))
        {
            if (cue.Length == 1 && SentimentAnalysis.IsNegated(body, cue.Start, cue.Words)
                || TypeCues.IsMeasure(body, cue)
                || cue.Value.Rule == UrgencyCues.OutageRule && TypeCues.IsSupposed(body, cue.Start))
            {
                continue;
            }

            if (!answered && cue.Value.Rank < Urgencies.Rank(Urgencies.Critical))
            {
                continue;
            }

            rank = Math.Max(rank, cue.Value.Rank);
            if (!reasons.TryGetValue(cue.Value.Rule, out var reason))
            {
                reasons[cue.Value.Rule] = reason = (cue.Value.Rank, []);
            }

            reason.Words.Add(cue.Words);
        }

        foreach (var (rule, (_, words)) in reasons.OrderByDescending(reason => reason.Value.Rank))
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Urgency, rule, [.. words.Distinct(StringComparer.Ordinal)]));
        }

        if (type == MessageTypes.Complaint && sentiment.Angry)
        {
            rank = Math.Min(rank + 1, Urgencies.Rank(Urgencies.Critical));
            List<string> anger = [.. sentiment.Negative.Take(3), .. sentiment.Symbols.Where(symbol => SentimentLexicon.Symbols[symbol] < 0).Take(2)];
            signals.Add(new ClassificationSignal(ClassificationFacets.Urgency, UrgencyCues.AngerRule, anger));
        }

        if (type == MessageTypes.Complaint && input.Followers >= LargeFollowing && !MessageKinds.Private.Contains(input.Kind ?? ""))
        {
            rank = Math.Max(rank, Urgencies.Rank(Urgencies.High));
            signals.Add(new ClassificationSignal(ClassificationFacets.Urgency, UrgencyCues.ReachRule, [$"{input.Followers} followers"]));
        }

        if (signals.Count == 0 || signals[^1].Facet != ClassificationFacets.Urgency)
        {
            var rule = answered ? $"a {type} expects an answer" : $"a message of type {type} can wait";
            signals.Add(new ClassificationSignal(ClassificationFacets.Urgency, rule, []));
        }

        return Urgencies.OfRank(rank);
    }
}
