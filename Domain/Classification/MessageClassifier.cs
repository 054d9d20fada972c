using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Domain.Classification;

/// <summary>
/// Classifies customers' messages by rules anyone can read: type, sentiment, topic, language and urgency, each with the
/// words that decided it. Stateless and thread-safe; the lexicons are compiled once, and each message is read once.
/// </summary>
public sealed class MessageClassifier
{
    private static readonly PhraseIndex<bool> Closings = new(
        """
        thanks, thank you, thanks in advance, thanks a lot, many thanks, kind regards, best regards, warm regards, regards,
        best, all the best, best wishes, cheers, sincerely, yours sincerely, yours faithfully, yours truly, warmly,
        warm wishes, take care, thank you in advance, mit freundlichen grussen, freundliche grusse, viele grusse,
        beste grusse, lg, gruss, cordialement, bien a vous, bien cordialement, salutations, merci d avance, saludos,
        un saludo, atentamente, gracias, groet, groeten, met vriendelijke groet, cordiali saluti, saluti, distinti saluti,
        grazie, obrigado, obrigada, atenciosamente, abracos
        """.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(phrase => (phrase, true)));

    public MessageClassification Classify(ClassificationInput input, TopicCatalogue topics)
    {
        ArgumentNullException.ThrowIfNull(input);
        topics ??= TopicCatalogue.Default;

        var text = MessageText.Read(input.Text);
        var body = Body(text.Tokens, input.Kind);
        var rating = input.Rating is >= 1 and <= 5 ? input.Rating : null;

        var typeSignals = new List<ClassificationSignal>();
        var sentimentSignals = new List<ClassificationSignal>();
        var topicSignals = new List<ClassificationSignal>();
        var languageSignals = new List<ClassificationSignal>();
        var urgencySignals = new List<ClassificationSignal>();

        var sentiment = SentimentAnalysis.Read(text, body, rating);
        var match = topics.Match(text.Tokens);
        var type = TypeAnalysis.Decide(text, body, sentiment, rating, match is not null, typeSignals);
        var score = Settle(sentiment, type, rating, sentimentSignals);
        var topic = Topic(topics, match, type, typeSignals, topicSignals);
        var language = LanguageDetection.Detect(text, languageSignals);
        var urgency = UrgencyAssessment.Assess(input, type, sentiment, body, urgencySignals);

        return new MessageClassification(type, score, SentimentAnalysis.Label(score), topic, language, urgency,
            [.. typeSignals, .. sentimentSignals, .. topicSignals, .. languageSignals, .. urgencySignals]);
    }

    /// <summary>
    /// The message without its sign-off ("Kind regards, Anna"), which says nothing about what it is. Only an email's
    /// last line, or a line followed by a name, is a sign-off: a "Thanks!" ending a comment is part of what it says.
    /// </summary>
    private static IReadOnlyList<Token> Body(IReadOnlyList<Token> tokens, string? kind)
    {
        if (tokens.Count == 0 || tokens[^1].Sentence < 1)
        {
            return tokens;
        }

        var lastSentence = tokens[^1].Sentence;
        for (var index = 0; index < tokens.Count; index++)
        {
            var sentence = tokens[index].Sentence;
            if (sentence < 1 || sentence < lastSentence - 2 || index > 0 && tokens[index - 1].Sentence == sentence)
            {
                continue;
            }

            var length = tokens.Skip(index).TakeWhile(token => token.Sentence == sentence).Count();
            if (Closings.LongestAt(tokens, index) is { } closing && closing.Length == length
                && (sentence < lastSentence || kind == MessageKinds.Email))
            {
                return tokens.Take(index).ToList();
            }
        }

        return tokens;
    }

    private static double Settle(SentimentReading sentiment, string type, int? rating, List<ClassificationSignal> signals)
    {
        var score = sentiment.Score;
        if (sentiment.Positive.Count > 0)
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Sentiment, "positive words", [.. sentiment.Positive.Distinct()]));
        }

        if (sentiment.Negative.Count > 0)
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Sentiment, "negative words", [.. sentiment.Negative.Distinct()]));
        }

        if (sentiment.Negated.Count > 0)
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Sentiment, "negation", [.. sentiment.Negated]));
        }

        if (sentiment.Intensified.Count > 0)
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Sentiment, "intensifiers", [.. sentiment.Intensified]));
        }

        if (sentiment.Symbols.Count > 0)
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Sentiment, "emoji", [.. sentiment.Symbols]));
        }

        if (rating is { } stars)
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Sentiment, "star rating", [$"{stars}/5"]));
        }

        // A complaint is dissatisfaction and praise is satisfaction, however politely or plainly they are put.
        if (type == MessageTypes.Complaint && score > SentimentAnalysis.NegativeFrom - 0.05)
        {
            score = SentimentAnalysis.NegativeFrom - 0.05;
            signals.Add(new ClassificationSignal(ClassificationFacets.Sentiment, "a complaint is dissatisfied", []));
        }
        else if (type == MessageTypes.Praise && score < SentimentAnalysis.PositiveFrom + 0.05)
        {
            score = SentimentAnalysis.PositiveFrom + 0.05;
            signals.Add(new ClassificationSignal(ClassificationFacets.Sentiment, "praise is satisfied", []));
        }

        if (signals.Count == 0)
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Sentiment, "no words of feeling", []));
        }

        return Math.Round(score, 2);
    }

    private static string? Topic(
        TopicCatalogue topics, TopicMatch? found, string type, List<ClassificationSignal> typeSignals, List<ClassificationSignal> signals)
    {
        if (typeSignals.Any(signal => signal.Rule == TypeCues.SpamRule))
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Topic, "spam is about nothing of ours", []));
            return null;
        }

        if (found is not { } match)
        {
            // Proposals go to product unless they name a subject of their own.
            if (type == MessageTypes.Idea && topics.Find(DefaultTopics.FeatureRequest) is not null)
            {
                signals.Add(new ClassificationSignal(ClassificationFacets.Topic, "ideas with no other subject are feature requests", []));
                return DefaultTopics.FeatureRequest;
            }

            signals.Add(new ClassificationSignal(ClassificationFacets.Topic, "no topic keywords", []));
            return null;
        }

        signals.Add(new ClassificationSignal(ClassificationFacets.Topic, match.Broad ? "broad topic keywords" : "topic keywords", match.Words));
        if (match.RunnerUp is { } runnerUp && runnerUp.Words.Count == match.Words.Count)
        {
            var reason = runnerUp.LongestPhrase < match.LongestPhrase ? "longer phrase" : "listed first";
            var tie = $"tie with {runnerUp.Topic.Key} broken by {reason}";
            signals.Add(new ClassificationSignal(ClassificationFacets.Topic, tie, runnerUp.Words));
        }

        return match.Topic.Key;
    }
}
