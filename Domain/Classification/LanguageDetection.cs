using SocialEnterprise.Contracts.Classification;

namespace SocialEnterprise.Domain.Classification;

/// <summary>Tells the language of a message from its common words, accented letters and typical word endings.</summary>
internal static class LanguageDetection
{
    private const int MostWordsShown = 5;

    public static string Detect(MessageText text, List<ClassificationSignal> signals)
    {
        var languages = MessageLanguages.Recognised;
        var scores = new double[languages.Count];
        var evidence = new List<string>[languages.Count];
        for (var language = 0; language < evidence.Length; language++)
        {
            evidence[language] = [];
        }

        foreach (var token in text.Tokens)
        {
            var word = token.Word;
            if (LanguageProfiles.CommonWords.TryGetValue(word, out var common))
            {
                foreach (var (language, weight) in common)
                {
                    scores[language] += weight;
                    evidence[language].Add(word);
                }
            }

            if (word.Length >= 5)
            {
                foreach (var (ending, language, weight) in LanguageProfiles.Endings)
                {
                    if (word.EndsWith(ending, StringComparison.Ordinal))
                    {
                        scores[language] += weight;
                        evidence[language].Add("-" + ending);
                    }
                }
            }

            foreach (var (group, language, weight) in LanguageProfiles.Groups)
            {
                if (word.Contains(group, StringComparison.Ordinal))
                {
                    scores[language] += weight;
                }
            }
        }

        foreach (var (letter, count) in text.Accents)
        {
            if (LanguageProfiles.Letters.TryGetValue(letter, out var weights))
            {
                foreach (var (language, weight) in weights)
                {
                    scores[language] += weight * Math.Min(count, 3);
                    evidence[language].Add(letter.ToString());
                }
            }
        }

        var best = 0;
        for (var language = 1; language < scores.Length; language++)
        {
            if (scores[language] > scores[best])
            {
                best = language;
            }
        }

        var runnerUp = scores.Where((_, language) => language != best).DefaultIfEmpty(0).Max();
        if (scores[best] < LanguageProfiles.Enough)
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Language, "too few words to tell", []));
            return MessageLanguages.Undetermined;
        }

        if (scores[best] - runnerUp < 0.1)
        {
            signals.Add(new ClassificationSignal(ClassificationFacets.Language, "two languages equally likely", Shown(evidence[best])));
            return MessageLanguages.Undetermined;
        }

        signals.Add(new ClassificationSignal(ClassificationFacets.Language, "common words and letters", Shown(evidence[best])));
        return languages[best];
    }

    private static List<string> Shown(List<string> evidence) => [.. evidence.Distinct(StringComparer.Ordinal).Take(MostWordsShown)];
}
