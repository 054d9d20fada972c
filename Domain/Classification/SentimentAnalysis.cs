using SocialEnterprise.Contracts.Classification;

namespace SocialEnterprise.Domain.Classification;

/// <summary>How a message feels before its type is known: the words that count and how the modifiers changed them.</summary>
internal sealed record SentimentReading(
    double Score,
    IReadOnlyList<string> Positive,
    IReadOnlyList<string> Negative,
    IReadOnlyList<string> Negated,
    IReadOnlyList<string> Intensified,
    IReadOnlyList<string> Symbols,
    bool Angry,
    bool Contrasted)
{
    public bool Mixed => Positive.Count > 0 && Negative.Count > 0;
}

/// <summary>
/// Lexicon-based sentiment in the manner of VADER: word valences, flipped by a negation up to three words back,
/// strengthened by intensifiers and capitals, softened by hedges and wishes, weighted towards what follows a "but",
/// plus emoji, exclamation marks and a review's stars; the sum is squashed into [-1, 1].
/// </summary>
internal static class SentimentAnalysis
{
    private const double Squash = 15;
    private const double NegationFactor = -0.6;
    private const int NegationReach = 3;
    private const double BeforeContrast = 0.7;
    private const double AfterContrast = 1.3;

    public const double PositiveFrom = 0.25;
    public const double NegativeFrom = -0.25;

    public static SentimentReading Read(MessageText text, IReadOnlyList<Token> body, int? rating)
    {
        var positive = new List<string>();
        var negative = new List<string>();
        var negated = new List<string>();
        var intensified = new List<string>();
        var symbols = new List<string>();
        var sum = 0.0;
        var shoutedFeeling = false;
        var contrasted = false;

        var contrasts = new Dictionary<int, int>();
        for (var index = 0; index < body.Count; index++)
        {
            if (SentimentLexicon.Contrasts.Contains(body[index].Word))
            {
                contrasts.TryAdd(body[index].Sentence, index);
            }
        }

        var hits = SentimentLexicon.Words.FindLongest(body);
        for (var index = 0; index < hits.Count; index++)
        {
            var hit = hits[index];
            if (hit.Value == 0)
            {
                continue;
            }

            if (hit.Length == 1 && SentimentLexicon.Intensifiers.ContainsKey(hit.Words)
                && index + 1 < hits.Count && hits[index + 1].Start == hit.Start + 1)
            {
                continue;
            }

            var valence = hit.Value;
            if (IsNegated(body, hit.Start, hit.Words))
            {
                valence *= NegationFactor;
                negated.Add(NegatorBefore(body, hit.Start) + " " + hit.Words);
            }

            var modifier = hit.Start > 0 ? body[hit.Start - 1].Word : null;
            if (modifier is not null && body[hit.Start - 1].Clause == body[hit.Start].Clause)
            {
                if (SentimentLexicon.Intensifiers.TryGetValue(modifier, out var factor))
                {
                    // Intensifiers stack: "way too expensive", "really very good".
                    var before = hit.Start - 2;
                    if (before >= 0 && body[before].Clause == body[hit.Start].Clause
                        && SentimentLexicon.Intensifiers.TryGetValue(body[before].Word, out var more))
                    {
                        factor *= more;
                        modifier = body[before].Word + " " + modifier;
                    }

                    valence *= factor;
                    intensified.Add(modifier + " " + hit.Words);
                }
                else if (SentimentLexicon.Softeners.Contains(modifier)
                    || hit.Start > 1 && SentimentLexicon.Softeners.Contains(body[hit.Start - 2].Word) && modifier is "a" or "of")
                {
                    valence *= 0.5;
                }
            }

            var shouting = false;
            for (var offset = 0; offset < hit.Length; offset++)
            {
                shouting |= body[hit.Start + offset].Shouting;
            }

            if (shouting)
            {
                valence *= 1.3;
                shoutedFeeling = true;
            }

            if (IsConditional(body, hit.Start))
            {
                valence *= 0.4;
            }

            // Asking whether something is good ("worth it?") is not saying that it is.
            if (text.QuestionSentences.Contains(body[hit.Start].Sentence))
            {
                valence *= 0.6;
            }

            if (contrasts.TryGetValue(body[hit.Start].Sentence, out var contrast))
            {
                valence *= hit.Start < contrast ? BeforeContrast : hit.Start > contrast ? AfterContrast : 1;
                contrasted = true;
            }

            sum += valence;
            (valence >= 0 ? positive : negative).Add(hit.Words);
        }

        var angry = false;
        var repeats = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var symbol in text.Symbols)
        {
            // A row of the same emoji says it louder, but not ten times louder.
            if (SentimentLexicon.Symbols.TryGetValue(symbol, out var valence) && (repeats[symbol] = repeats.GetValueOrDefault(symbol) + 1) <= 2)
            {
                sum += valence;
                symbols.Add(symbol);
                angry |= valence <= -2.5;
            }
        }

        if (sum != 0 && text.Exclamations > 0)
        {
            sum += Math.Sign(sum) * Math.Min(text.Exclamations, 3) * 0.3;
        }

        if (rating is >= 1 and <= 5)
        {
            sum += (rating.Value - 3) * 1.5;
        }

        if (text.MarkOutOfTen is { } mark)
        {
            sum += (mark - 5.5) * 0.5;
            (mark > 5 ? positive : negative).Add($"{mark}/10");
        }

        for (var index = 0; index < body.Count; index++)
        {
            if (TypeCues.IsFault(body, index))
            {
                sum -= 1.5;
                negative.Add(body[index].Word + " " + body[index + 1].Word);
            }
        }

        var score = Math.Round(sum / Math.Sqrt(sum * sum + Squash), 3);
        // Anger shows in capitals, repeated exclamation marks and furious emoji; acronyms alone ("GDPR") are not shouting.
        angry = score <= -0.8
            && (angry || shoutedFeeling || text.Exclamations >= 2 || body.Count(token => token.Shouting && token.Word.Length > 2) >= 2);
        var weighedUp = contrasted && positive.Count > 0 && negative.Count > 0;
        return new SentimentReading(score, positive, negative, negated, intensified, symbols, angry, weighedUp);
    }

    public static string Label(double score) =>
        score >= PositiveFrom ? SentimentLabels.Positive : score <= NegativeFrom ? SentimentLabels.Negative : SentimentLabels.Neutral;

    public static bool IsNegated(IReadOnlyList<Token> tokens, int start, string words)
    {
        if (SentimentLexicon.Negators.Contains(words.Split(' ')[0]))
        {
            return false;
        }

        return NegatorBefore(tokens, start) is not null;
    }

    private static string? NegatorBefore(IReadOnlyList<Token> tokens, int start)
    {
        for (var index = start - 1; index >= Math.Max(0, start - NegationReach); index--)
        {
            if (tokens[index].Clause != tokens[start].Clause)
            {
                return null;
            }

            // "can't believe how bad", "not only good": set phrases whose negation does not reach what follows.
            if (SentimentLexicon.Negators.Contains(tokens[index].Word)
                && !(index + 1 < tokens.Count && tokens[index + 1].Word is "believe" or "only" or "wonder" or "wait"))
            {
                return tokens[index].Word;
            }
        }

        return null;
    }

    private static bool IsConditional(IReadOnlyList<Token> tokens, int start)
    {
        for (var index = start - 1; index >= Math.Max(0, start - 4); index--)
        {
            if (tokens[index].Clause != tokens[start].Clause)
            {
                return false;
            }

            if (SentimentLexicon.Conditionals.Contains(tokens[index].Word))
            {
                return true;
            }
        }

        return false;
    }
}
