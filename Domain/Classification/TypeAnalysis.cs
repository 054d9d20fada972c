namespace SocialEnterprise.Domain.Classification;

/// <summary>
/// Decides a message's type by weighing its cues: phrases for each type, question marks and question openings, the
/// tone, and a review's stars. Ties go to the type that most needs acting on: complaint, idea, question, praise,
/// feedback, other. With no cue strong enough, the tone and length decide between praise, feedback and small talk.
/// </summary>
internal static class TypeAnalysis
{
    private const double Decisive = 1.5;
    private const int FewWords = 4;
    private const int SubstantialWords = 4;

    private static readonly string[] Priority =
        [MessageTypes.Complaint, MessageTypes.Idea, MessageTypes.Question, MessageTypes.Praise, MessageTypes.Feedback, MessageTypes.Other];

    private static readonly string[] Conditionals = ["would", "could", "ware", "wurde", "serait", "seria", "zou", "sarebbe"];

    public static string Decide(
        MessageText text, IReadOnlyList<Token> body, SentimentReading sentiment, int? rating, bool aboutTopic, List<ClassificationSignal> signals)
    {
        if (body.Count == 0)
        {
            var rule = text.Symbols.Count > 0 ? "a reaction without words" : "nothing to read";
            signals.Add(new ClassificationSignal(ClassificationFacets.Type, rule, [.. text.Symbols.Distinct().Take(3)]));
            return MessageTypes.Other;
        }

        var evidence = Priority.ToDictionary(type => type, _ => new Evidence(), StringComparer.Ordinal);
        var complaintSentences = new HashSet<int>();
        var ideaSentences = new HashSet<int>();

        var contrasts = new Dictionary<int, int>();
        for (var index = 0; index < body.Count; index++)
        {
            if (SentimentLexicon.Contrasts.Contains(body[index].Word))
            {
                contrasts.TryAdd(body[index].Sentence, index);
            }
        }

        foreach (var cue in TypeCues.Phrases.FindLongest(body))
        {
            if (cue.Value.OnlyAlone && body.Count > FewWords
                || cue.Length == 1 && cue.Value.Type != MessageTypes.Other && SentimentAnalysis.IsNegated(body, cue.Start, cue.Words)
                || TypeCues.IsMeasure(body, cue))
            {
                continue;
            }

            // "...when the internet is down": a problem supposed, not reported.
            var weight = cue.Value.Type == MessageTypes.Complaint && TypeCues.IsSupposed(body, cue.Start) ? cue.Value.Weight / 2 : cue.Value.Weight;

            // "Lovely colours, but I still can't find the timer": what follows a "but" is what the message is about.
            if (cue.Value.Type is MessageTypes.Complaint or MessageTypes.Praise && contrasts.TryGetValue(body[cue.Start].Sentence, out var contrast))
            {
                weight *= cue.Start < contrast ? 0.7 : 1.3;
            }

            evidence[cue.Value.Type].Add(weight, cue.Value.Rule, cue.Words);
            if (cue.Value.Type == MessageTypes.Complaint)
            {
                complaintSentences.Add(body[cue.Start].Sentence);
            }
            else if (cue.Value.Type == MessageTypes.Idea)
            {
                ideaSentences.Add(body[cue.Start].Sentence);
            }
        }

        for (var index = 0; index < body.Count; index++)
        {
            if (TypeCues.IsRecurring(body, index))
            {
                evidence[MessageTypes.Complaint].Add(2, "something going wrong again and again", body[index].Word + " " + body[index + 1].Word);
                complaintSentences.Add(body[index].Sentence);
            }
        }

        WishesForBetter(body, evidence[MessageTypes.Idea], ideaSentences);
        if (text.PlusOne)
        {
            evidence[MessageTypes.Idea].Add(3, TypeCues.IdeaRule, "+1");
        }

        Questions(text, body, sentiment, complaintSentences, ideaSentences, evidence);

        if (sentiment.Score <= -0.5)
        {
            evidence[MessageTypes.Complaint].Add(sentiment.Score <= -0.75 ? 2.5 : 1.5, "strongly negative tone", [.. sentiment.Negative.Take(3)]);
        }

        if (sentiment.Score >= 0.5 && evidence[MessageTypes.Praise].Score > 0)
        {
            evidence[MessageTypes.Praise].Add(1, "strongly positive tone", [.. sentiment.Positive.Take(3)]);
        }

        if (sentiment.Mixed && evidence[MessageTypes.Complaint].Score < 3)
        {
            evidence[MessageTypes.Feedback].Add(sentiment.Contrasted ? 2 : 1.5, "mixed tone", [sentiment.Positive[0], sentiment.Negative[0]]);
        }

        if (text.MarkOutOfTen)
        {
            evidence[MessageTypes.Feedback].Add(2, TypeCues.FeedbackRule, "n/10");
        }

        Stars(rating, evidence);

        // Reporting a problem or proposing something is what a message is for, even when it also thanks or weighs up.
        if (Math.Max(evidence[MessageTypes.Complaint].Score, evidence[MessageTypes.Idea].Score) >= 3)
        {
            foreach (var type in new[] { MessageTypes.Praise, MessageTypes.Feedback, MessageTypes.Other })
            {
                evidence[type].Score *= 0.6;
            }
        }

        var decided = Priority.OrderByDescending(type => evidence[type].Score).ThenBy(type => Array.IndexOf(Priority, type)).First();
        if (evidence[decided].Score >= Decisive)
        {
            foreach (var (rule, words) in evidence[decided].Rules)
            {
                signals.Add(new ClassificationSignal(ClassificationFacets.Type, rule, words));
            }

            return decided;
        }

        return Fallback(body, sentiment, aboutTopic, signals);
    }

    private static void WishesForBetter(IReadOnlyList<Token> body, Evidence idea, HashSet<int> ideaSentences)
    {
        // "wäre praktisch", "sarebbe comodo": a conditional followed by something good is a wish.
        for (var index = 0; index < body.Count; index++)
        {
            if (!Conditionals.Contains(body[index].Word))
            {
                continue;
            }

            for (var next = index + 1; next < Math.Min(body.Count, index + 4) && body[next].Clause == body[index].Clause; next++)
            {
                if (SentimentLexicon.Words.LongestAt(body, next) is { Value: > 1 } good && !idea.Words.Any(words => words.Contains(good.Words, StringComparison.Ordinal)))
                {
                    idea.Add(3, "wish for something better", body[index].Word + " … " + good.Words);
                    ideaSentences.Add(body[index].Sentence);
                    return;
                }
            }
        }
    }

    private static void Questions(
        MessageText text, IReadOnlyList<Token> body, SentimentReading sentiment, HashSet<int> complaintSentences, HashSet<int> ideaSentences,
        Dictionary<string, Evidence> evidence)
    {
        var question = evidence[MessageTypes.Question];
        var asked = 0;
        var opened = false;
        var sentenceStart = 0;
        while (sentenceStart < body.Count)
        {
            var sentence = body[sentenceStart].Sentence;
            var end = sentenceStart;
            while (end < body.Count && body[end].Sentence == sentence)
            {
                end++;
            }

            var first = sentenceStart;
            while (first < end - 1 && TypeCues.Greetings.Contains(body[first].Word))
            {
                first++;
            }

            var opener = TypeCues.QuestionOpeners.LongestAt(body, first);
            var marked = text.QuestionSentences.Contains(sentence);
            if (marked && (complaintSentences.Contains(sentence) || TypeCues.Why.Contains(body[first].Word) && sentiment.Score <= -0.2))
            {
                evidence[MessageTypes.Complaint].Add(2, "rhetorical question", body[first].Word + " …?");
            }
            else if (marked && ideaSentences.Contains(sentence))
            {
                // A request phrased as a question ("can you add dark mode?") is an idea, not a question.
            }
            else if (marked && asked < 2)
            {
                asked++;
                question.Add(2, "question mark", opener?.Words ?? body[first].Word + " …?");
            }
            else if (opener is { } opening && !opened && !marked)
            {
                opened = true;
                question.Add(1, "question opening", opening.Words);
            }

            sentenceStart = end;
        }
    }

    private static void Stars(int? rating, Dictionary<string, Evidence> evidence)
    {
        switch (rating)
        {
            case 5:
                evidence[MessageTypes.Praise].Add(2, "five-star review", []);
                break;
            case 4:
                evidence[MessageTypes.Praise].Add(0.5, "four-star review", []);
                evidence[MessageTypes.Feedback].Add(1, "four-star review", []);
                break;
            case 3:
                evidence[MessageTypes.Feedback].Add(2.5, "three-star review", []);
                break;
            case 2:
                evidence[MessageTypes.Feedback].Add(1, "two-star review", []);
                evidence[MessageTypes.Complaint].Add(1, "two-star review", []);
                break;
            case 1:
                evidence[MessageTypes.Complaint].Add(2.5, "one-star review", []);
                break;
        }
    }

    private static string Fallback(IReadOnlyList<Token> body, SentimentReading sentiment, bool aboutTopic, List<ClassificationSignal> signals)
    {
        if (sentiment.Score >= SentimentAnalysis.PositiveFrom)
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Type, "positive with nothing asked or proposed", [.. sentiment.Positive.Take(3)]));
            return MessageTypes.Praise;
        }

        var substance = body.Count(token => !LanguageProfiles.CommonWords.ContainsKey(token.Word) && !TypeCues.Greetings.Contains(token.Word));
        if (sentiment.Score <= SentimentAnalysis.NegativeFrom || aboutTopic && substance >= SubstantialWords)
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Type, "a remark on the product with no request", [.. sentiment.Negative.Take(3)]));
            return MessageTypes.Feedback;
        }

        signals.Add(new ClassificationSignal(ClassificationFacets.Type, "no question, complaint, idea or opinion", []));
        return MessageTypes.Other;
    }

    private sealed class Evidence
    {
        public double Score { get; set; }

        public List<(string Rule, List<string> Words)> Rules { get; } = [];

        public IEnumerable<string> Words => Rules.SelectMany(rule => rule.Words);

        public void Add(double weight, string rule, params IEnumerable<string> words)
        {
            Score += weight;
            var existing = Rules.FindIndex(entry => entry.Rule == rule);
            if (existing < 0)
            {
                Rules.Add((rule, [.. words]));
            }
            else
            {
                Rules[existing].Words.AddRange(words.Where(word => !Rules[existing].Words.Contains(word)));
            }
        }
    }
}
