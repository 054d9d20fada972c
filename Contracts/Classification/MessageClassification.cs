using System.Globalization;
using System.Text;

namespace SocialEnterprise.Contracts.Classification;

/// <summary>One reason for a classification: which rule, on which words, decided (part of) a facet.</summary>
public sealed record ClassificationSignal(string Facet, string Rule, IReadOnlyList<string> Words);

/// <summary>What a message is, how it feels, what it is about, its language and how soon it needs an answer, with the reasons.</summary>
public sealed record MessageClassification(
    string Type,
    double SentimentScore,
    string SentimentLabel,
    string? Topic,
    string Language,
    string Urgency,
    IReadOnlyList<ClassificationSignal> Signals)
{
    /// <summary>One sentence per facet naming the words and rules that decided it, for agents and for audits.</summary>
    public string Explain()
    {
        var text = new StringBuilder();
        foreach (var facet in ClassificationFacets.All)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(facet).Append(' ').Append(Outcome(facet));
            var reasons = Signals.Where(signal => signal.Facet == facet).ToList();
            if (reasons.Count == 0)
            {
                text.Append('.');
                continue;
            }

            text.Append(": ");
            text.AppendJoin("; ", reasons.Select(Describe));
            text.Append('.');
        }

        return text.ToString();
    }

    private string Outcome(string facet) => facet switch
    {
        ClassificationFacets.Type => Type,
        ClassificationFacets.Sentiment => string.Create(CultureInfo.InvariantCulture, $"{SentimentLabel} ({SentimentScore:0.00})"),
        ClassificationFacets.Topic => Topic ?? "none",
        ClassificationFacets.Language => Language,
        _ => Urgency,
    };

    private static string Describe(ClassificationSignal signal) =>
        signal.Words.Count == 0
            ? signal.Rule
            : $"{string.Join(", ", signal.Words.Select(word => $"'{word}'"))} ({signal.Rule})";
}
