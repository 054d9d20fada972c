using SocialEnterprise.Domain.Staff;

namespace SocialEnterprise.Domain.Classification;

/// <summary>
/// The topics messages are sorted into, with their keywords compiled once. A message's topic is the one with the most
/// distinct keywords in it; ties go to the longer phrase, then to the topic listed first. Broad keywords are weighed
/// the same way, but only when no keyword is found.
/// </summary>
public sealed class TopicCatalogue
{
    private readonly PhraseIndex<(int Topic, int Keyword)> _keywords;
    private readonly PhraseIndex<(int Topic, int Keyword)> _broadKeywords;

    public TopicCatalogue(IEnumerable<Topic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        Topics = [.. topics];
        var departments = Department.Standard.Select(department => department.Id).ToHashSet(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in Topics)
        {
            ArgumentNullException.ThrowIfNull(topic, nameof(topics));
            ArgumentException.ThrowIfNullOrWhiteSpace(topic.Key, nameof(topics));
            if (!keys.Add(topic.Key))
            {
                throw new ArgumentException($"Topic '{topic.Key}' is in the catalogue twice.", nameof(topics));
            }

            if (!departments.Contains(topic.Department))
            {
                throw new ArgumentException(
                    $"Topic '{topic.Key}' belongs to '{topic.Department}', which is not a department ({string.Join(", ", departments)}).", nameof(topics));
            }
        }

        _keywords = Compile(Topics.Select(topic => topic.Keywords));
        _broadKeywords = Compile(Topics.Select(topic => topic.BroadKeywords));
    }

    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>The seed catalogue: the company's usual subjects in the languages customers write in. Staff edit it from here.</summary>
    public static TopicCatalogue Default { get; } = new(DefaultTopics.All);

    public Topic? Find(string? key) => Topics.FirstOrDefault(topic => topic.Key == key);

    internal TopicMatch? Match(IReadOnlyList<Token> tokens) =>
        tokens.Count == 0 ? null : Best(_keywords, tokens, broad: false) ?? Best(_broadKeywords, tokens, broad: true);

    private static PhraseIndex<(int, int)> Compile(IEnumerable<IReadOnlyList<string>?> keywordsByTopic) =>
        new(keywordsByTopic.SelectMany((keywords, topicIndex) =>
            (keywords ?? [])
                .Where(keyword => !string.IsNullOrWhiteSpace(keyword))
                .Select((keyword, keywordIndex) => (keyword, (topicIndex, keywordIndex)))));

    private TopicMatch? Best(PhraseIndex<(int Topic, int Keyword)> keywords, IReadOnlyList<Token> tokens, bool broad)
    {
        if (keywords.IsEmpty)
        {
            return null;
        }

        var byTopic = new Dictionary<int, Dictionary<int, string>>();
        foreach (var match in keywords.FindAll(tokens))
        {
            if (!byTopic.TryGetValue(match.Value.Topic, out var found))
            {
                byTopic[match.Value.Topic] = found = [];
            }

            found.TryAdd(match.Value.Keyword, match.Words);
        }

        if (byTopic.Count == 0)
        {
            return null;
        }

        var ranked = byTopic
            .Select(pair => new TopicMatch(Topics[pair.Key], pair.Key, [.. pair.Value.Values.Distinct(StringComparer.Ordinal)],
                pair.Value.Values.Max(words => words.Count(character => character == ' ') + 1), broad))
            .OrderByDescending(match => match.Words.Count)
            .ThenByDescending(match => match.LongestPhrase)
            .ThenBy(match => match.Order)
            .ToList();
        return ranked[0] with { RunnerUp = ranked.Count > 1 ? ranked[1] : null };
    }
}

/// <summary>The topic a message matched best, the keywords found, and the topic it beat if there was one.</summary>
internal sealed record TopicMatch(Topic Topic, int Order, IReadOnlyList<string> Words, int LongestPhrase, bool Broad)
{
    public TopicMatch? RunnerUp { get; init; }
}
