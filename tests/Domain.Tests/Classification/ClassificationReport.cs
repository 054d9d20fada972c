using System.Globalization;
using System.Text;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Domain.Classification;

namespace SocialEnterprise.Domain.Tests.Classification;

/// <summary>Accuracy per facet over a set of labelled messages.</summary>
public sealed record FacetAccuracy(int Count, double Type, double Sentiment, double Topic, double Language, double Urgency)
{
    public static FacetAccuracy Of(IReadOnlyList<(LabelledMessage Expected, MessageClassification Actual)> results)
    {
        double Share(Func<LabelledMessage, MessageClassification, bool> right) =>
            results.Count == 0 ? 0 : Math.Round((double)results.Count(result => right(result.Expected, result.Actual)) / results.Count, 3);

        return new FacetAccuracy(
            results.Count,
            Share((expected, actual) => expected.Type == actual.Type),
            Share((expected, actual) => expected.Sentiment == actual.SentimentLabel),
            Share((expected, actual) => expected.Topic == actual.Topic),
            Share((expected, actual) => expected.Language == actual.Language),
            Share((expected, actual) => expected.Urgency == actual.Urgency));
    }

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"type {Type:0.00}, sentiment {Sentiment:0.00}, topic {Topic:0.00}, language {Language:0.00}, urgency {Urgency:0.00}");
}

/// <summary>
/// The accuracy report over the labelled set: a summary line, accuracy per facet for all, tuning and held-out
/// messages, the confusion matrix for type, and every misclassified message with the classifier's explanation.
/// </summary>
public sealed class ClassificationReport
{
    private ClassificationReport(IReadOnlyList<(LabelledMessage Expected, MessageClassification Actual)> results)
    {
        Results = results;
        All = FacetAccuracy.Of(results);
        Tuning = FacetAccuracy.Of([.. results.Where(result => !result.Expected.Holdout)]);
        Holdout = FacetAccuracy.Of([.. results.Where(result => result.Expected.Holdout)]);
    }

    public IReadOnlyList<(LabelledMessage Expected, MessageClassification Actual)> Results { get; }

    public FacetAccuracy All { get; }

    public FacetAccuracy Tuning { get; }

    public FacetAccuracy Holdout { get; }

    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"classification accuracy ({All.Count} messages): {All.Line()}; holdout type {Holdout.Type:0.00}, sentiment {Holdout.Sentiment:0.00}");

    public static ClassificationReport Of(IEnumerable<LabelledMessage> messages, MessageClassifier classifier, TopicCatalogue topics) =>
        new([.. messages.Select(message => (message, classifier.Classify(message.Input, topics)))]);

    public string Text()
    {
        var text = new StringBuilder();
        text.AppendLine(Summary);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"all      ({All.Count,3}): {All.Line()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"tuning   ({Tuning.Count,3}): {Tuning.Line()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"holdout  ({Holdout.Count,3}): {Holdout.Line()}");
        text.AppendLine();
        AppendConfusion(text);
        AppendMisses(text, "tuning", Results.Where(result => !result.Expected.Holdout));
        AppendMisses(text, "holdout", Results.Where(result => result.Expected.Holdout));
        return text.ToString();
    }

    private void AppendConfusion(StringBuilder text)
    {
        var types = MessageTypes.All.Order(StringComparer.Ordinal).ToList();
        text.AppendLine("type confusion (rows: expected, columns: classified)");
        text.Append(new string(' ', 11));
        foreach (var type in types)
        {
            text.Append(CultureInfo.InvariantCulture, $"{type,10}");
        }

        text.AppendLine();
        foreach (var expected in types)
        {
            text.Append(CultureInfo.InvariantCulture, $"{expected,-11}");
            foreach (var actual in types)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Results.Count(result => result.Expected.Type == expected && result.Actual.Type == actual),10}");
            }

            text.AppendLine();
        }

        text.AppendLine();
    }

    private static void AppendMisses(StringBuilder text, string part, IEnumerable<(LabelledMessage Expected, MessageClassification Actual)> results)
    {
        var misses = results.Select(result => (result.Expected, result.Actual, Wrong: Wrong(result.Expected, result.Actual))).Where(result => result.Wrong.Count > 0).ToList();
        text.AppendLine(CultureInfo.InvariantCulture, $"misclassified ({part}): {misses.Count}");
        foreach (var (expected, actual, wrong) in misses)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {expected.Id} [{expected.Channel}/{expected.Kind}{(expected.Rating is { } stars ? $", {stars}*" : "")}] {Quote(expected.Text)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  wrong: {string.Join(", ", wrong)}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  why: {actual.Explain()}");
        }

        text.AppendLine();
    }

    private static List<string> Wrong(LabelledMessage expected, MessageClassification actual)
    {
        var wrong = new List<string>();
        void Compare(string facet, string? wanted, string? got)
        {
            if (wanted != got)
            {
                wrong.Add($"{facet} {got ?? "none"} (expected {wanted ?? "none"})");
            }
        }

        Compare(ClassificationFacets.Type, expected.Type, actual.Type);
        Compare(ClassificationFacets.Sentiment, expected.Sentiment, actual.SentimentLabel);
        Compare(ClassificationFacets.Topic, expected.Topic, actual.Topic);
        Compare(ClassificationFacets.Language, expected.Language, actual.Language);
        Compare(ClassificationFacets.Urgency, expected.Urgency, actual.Urgency);
        return wrong;
    }

    private static string Quote(string text)
    {
        var line = text.ReplaceLineEndings(" / ");
        return line.Length > 160 ? $"\"{line[..157]}...\"" : $"\"{line}\"";
    }
}
