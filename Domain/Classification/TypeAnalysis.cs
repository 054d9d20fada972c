using SocialEnterprise.Contracts.Classification;

namespace SocialEnterprise.Domain.Classification;

/// <summary>
/// Decides a message's type by weighing its cues: phrases for each type, question marks and question openings, the
/// tone, and a review's stars. Ties go to the type that most needs acting on: complaint, idea, question, praise,
/// feedback, other. With no cue strong enough, the tone and whether it is about one of our topics decide between
/// praise, feedback and small talk.
/// </summary>
internal static class TypeAnalysis
{
    private const double Decisive = 1.5;

    public static string Decide(
        MessageText text, IReadOnlyList<Token> body, SentimentReading sentiment, int? rating, bool aboutTopic, List<ClassificationSignal> signals)
    {
        if (body.Count == 0)
        {
            var rule = text.Symbols.Count > 0 ? "a reaction without words" : "nothing to read";
            signals.Add(new ClassificationSignal(ClassificationFacets.Type, rule, [.. text.Symbols.Distinct().Take(3)]));
            return MessageTypes.Other;
        }

        var evidence = new TypeEvidence(body);
        evidence.ReadCues();
        evidence.ReadRecurringFaults();
        evidence.ReadWishes();
        if (text.PlusOne)
        {
            evidence.Idea.Add(3, TypeCues.IdeaRule, "+1");
        }

        evidence.ReadQuestions(text.QuestionSentences, sentiment);
        evidence.ReadTone(sentiment, text.MarkOutOfTen is not null);
        evidence.ReadStars(rating);
        evidence.PutActionFirst();

        var (decided, score) = evidence.Strongest();
        if (score >= Decisive)
        {
            signals.AddRange(evidence.Of(decided).Rules.Select(rule => new ClassificationSignal(ClassificationFacets.Type, rule.Rule, rule.Words)));
            return decided;
        }

        return Fallback(body, sentiment, aboutTopic, signals);
    }

    private static string Fallback(IReadOnlyList<Token> body, SentimentReading sentiment, bool aboutTopic, List<ClassificationSignal> signals)
    {
        // Words beyond the most common ones: enough of them, or one of our topics, make a remark rather than chatter.
        var substance = body.Count(token => !LanguageProfiles.CommonWords.ContainsKey(token.Word) && !TypeCues.Greetings.Contains(token.Word));
        if (sentiment.Score >= SentimentAnalysis.PositiveFrom && (aboutTopic || substance >= 2))
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Type, "positive with nothing asked or proposed", [.. sentiment.Positive.Take(3)]));
            return MessageTypes.Praise;
        }

        if (sentiment.Score <= SentimentAnalysis.NegativeFrom || aboutTopic && substance >= 4)
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Type, "a remark on the product with no request", [.. sentiment.Negative.Take(3)]));
            return MessageTypes.Feedback;
        }

        signals.Add(new ClassificationSignal(ClassificationFacets.Type, "no question, complaint, idea or opinion", []));
        return MessageTypes.Other;
    }

    /// <summary>The evidence for each type in one message, gathered rule by rule.</summary>
    private sealed class TypeEvidence
    {
        private const int FewWords = 4;

        private static readonly string[] Priority =
            [MessageTypes.Complaint, MessageTypes.Idea, MessageTypes.Question, MessageTypes.Praise, MessageTypes.Feedback, MessageTypes.Other];

        private static readonly string[] Conditionals = ["would", "could", "ware", "wurde", "serait", "seria", "zou", "sarebbe"];

        private readonly IReadOnlyList<Token> _body;
        private readonly Dictionary<string, Evidence> _byType = Priority.ToDictionary(type => type, _ => new Evidence(), StringComparer.Ordinal);
        private readonly Dictionary<int, int> _contrasts = [];
        private readonly HashSet<int> _complaintSentences = [];
        private readonly HashSet<int> _ideaSentences = [];

        public TypeEvidence(IReadOnlyList<Token> body)
        {
            _body = body;
            for (var index = 0; index < body.Count; index++)
            {
                if (SentimentLexicon.Contrasts.Contains(body[index].Word))
                {
                    _contrasts.TryAdd(body[index].Sentence, index);
                }
            }
        }

        public Evidence Idea => _byType[MessageTypes.Idea];

        public Evidence Of(string type) => _byType[type];

        public void ReadCues()
        {
            foreach (var cue in TypeCues.Phrases.FindLongest(_body))
            {
                if (cue.Value.OnlyAlone && _body.Count > FewWords
                    || cue.Length == 1 && cue.Value.Type != MessageTypes.Other && SentimentAnalysis.IsNegated(_body, cue.Start, cue.Words)
                    || TypeCues.IsMeasure(_body, cue))
                {
                    continue;
                }

                // "...when the internet is down": a problem supposed, not reported.
                var weight = cue.Value.Type == MessageTypes.Complaint && TypeCues.IsSupposed(_body, cue.Start) ? cue.Value.Weight / 2 : cue.Value.Weight;

                // "Lovely colours, but I still can't find the timer": what follows a "but" is what the message is about.
                if (cue.Value.Type is MessageTypes.Complaint or MessageTypes.Praise && _contrasts.TryGetValue(_body[cue.Start].Sentence, out var contrast))
                {
                    weight *= cue.Start < contrast ? 0.7 : 1.3;
                }

                _byType[cue.Value.Type].Add(weight, cue.Value.Rule, cue.Words);
                if (cue.Value.Type == MessageTypes.Complaint)
                {
                    _complaintSentences.Add(_body[cue.Start].Sentence);
                }
                else if (cue.Value.Type == MessageTypes.Idea)
                {
                    _ideaSentences.Add(_body[cue.Start].Sentence);
                }
            }
        }

        public void ReadRecurringFaults()
        {
            for (var index = 0; index < _body.Count; index++)
            {
                if (TypeCues.IsFault(_body, index))
                {
                    _byType[MessageTypes.Complaint].Add(2, TypeCues.FaultRule, _body[index].Word + " " + _body[index + 1].Word);
                    _complaintSentences.Add(_body[index].Sentence);
                }
            }
        }

        /// <summary>"would be useful", "wäre praktisch", "sarebbe comodo": a conditional followed by something good is a wish.</summary>
        public void ReadWishes()
        {
            for (var index = 0; index < _body.Count; index++)
            {
                if (!Conditionals.Contains(_body[index].Word))
                {
                    continue;
                }

                for (var next = index + 1; next < Math.Min(_body.Count, index + 4) && _body[next].Clause == _body[index].Clause; next++)
                {
                    if (SentimentLexicon.Words.LongestAt(_body, next) is { Value: > 1 } good
                        && !Idea.Rules.Any(rule => rule.Words.Any(words => words.Contains(good.Words, StringComparison.Ordinal))))
                    {
                        Idea.Add(3, "wish for something better", _body[index].Word + " … " + good.Words);
                        _ideaSentences.Add(_body[index].Sentence);
                        return;
                    }
                }
            }
        }

        /// <summary>
        /// Each sentence ending in '?' asks something, unless it is a complaint ("where is my order??"), an angry why, or
        /// a request for something new ("can you add dark mode?"). Without a question mark, a question opening still counts a little.
        /// </summary>
        public void ReadQuestions(IReadOnlySet<int> questionSentences, SentimentReading sentiment)
        {
            var asked = 0;
            var opened = false;
            var start = 0;
            while (start < _body.Count)
            {
                var sentence = _body[start].Sentence;
                var end = start;
                while (end < _body.Count && _body[end].Sentence == sentence)
                {
                    end++;
                }

                var first = start;
                while (first < end - 1 && TypeCues.Greetings.Contains(_body[first].Word))
                {
                    first++;
                }

                var opener = TypeCues.QuestionOpeners.LongestAt(_body, first);
                var beginning = string.Join(' ', _body.Skip(first).Take(Math.Min(3, end - first)).Select(token => token.Word)) + " …?";
                var marked = questionSentences.Contains(sentence);
                if (marked && (_complaintSentences.Contains(sentence) || TypeCues.Why.Contains(_body[first].Word) && sentiment.Score <= -0.2))
                {
                    _byType[MessageTypes.Complaint].Add(2, "rhetorical question", beginning);
                }
                else if (marked && !_ideaSentences.Contains(sentence) && asked < 2)
                {
                    asked++;
                    _byType[MessageTypes.Question].Add(2, "question mark", opener?.Words ?? beginning);
                }
                else if (!marked && !opened && opener is { } opening)
                {
                    opened = true;
                    _byType[MessageTypes.Question].Add(opening.Value ? Decisive : 1, "question opening", opening.Words);
                }

                start = end;
            }
        }

        public void ReadTone(SentimentReading sentiment, bool markOutOfTen)
        {
            if (sentiment.Score <= -0.5)
            {
                _byType[MessageTypes.Complaint].Add(sentiment.Score <= -0.75 ? 2.5 : 1.5, "strongly negative tone", [.. sentiment.Negative.Take(3)]);
            }

            if (sentiment.Score >= 0.5 && _byType[MessageTypes.Praise].Score > 0)
            {
                _byType[MessageTypes.Praise].Add(1, "strongly positive tone", [.. sentiment.Positive.Take(3)]);
            }

            if (sentiment.Mixed && _byType[MessageTypes.Complaint].Score < 3)
            {
                _byType[MessageTypes.Feedback].Add(sentiment.Contrasted ? 2 : 1.5, "mixed tone", [sentiment.Positive[0], sentiment.Negative[0]]);
            }

            if (markOutOfTen)
            {
                _byType[MessageTypes.Feedback].Add(2, TypeCues.FeedbackRule, "n/10");
            }
        }

        public void ReadStars(int? rating)
        {
            switch (rating)
            {
                case 5:
                    _byType[MessageTypes.Praise].Add(2, "five-star review", []);
                    break;
                case 4:
                    _byType[MessageTypes.Praise].Add(0.5, "four-star review", []);
                    _byType[MessageTypes.Feedback].Add(1, "four-star review", []);
                    break;
                case 3:
                    _byType[MessageTypes.Feedback].Add(2.5, "three-star review", []);
                    break;
                case 2:
                    _byType[MessageTypes.Feedback].Add(1, "two-star review", []);
                    _byType[MessageTypes.Complaint].Add(1, "two-star review", []);
                    break;
                case 1:
                    _byType[MessageTypes.Complaint].Add(2.5, "one-star review", []);
                    break;
            }
        }

        /// <summary>Reporting a problem or proposing something is what a message is for, even when it also thanks or weighs up.</summary>
        public void PutActionFirst()
        {
            if (Math.Max(_byType[MessageTypes.Complaint].Score, Idea.Score) < 3)
            {
                return;
            }

            foreach (var type in new[] { MessageTypes.Praise, MessageTypes.Feedback, MessageTypes.Other })
            {
                _byType[type].Score *= 0.6;
            }
        }

        /// <summary>The type with the most evidence; on a tie, the one that most needs acting on.</summary>
        public (string Type, double Score) Strongest()
        {
            var best = Priority[0];
            foreach (var type in Priority)
            {
                if (_byType[type].Score > _byType[best].Score)
                {
                    best = type;
                }
            }

            return (best, _byType[best].Score);
        }
    }

    private sealed class Evidence
    {
        public double Score { get; set; }

        public List<(string Rule, List<string> Words)> Rules { get; } = [];

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
