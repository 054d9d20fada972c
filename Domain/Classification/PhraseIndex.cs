using System.Collections.Frozen;

namespace SocialEnterprise.Domain.Classification;

/// <summary>A phrase found in a message: where it starts, how many words it spans, the words as written, and its value.</summary>
internal readonly record struct PhraseMatch<T>(int Start, int Length, string Words, T Value);

/// <summary>
/// Words and phrases compiled once for fast lookup in a message's tokens. Phrases are read with the same rules as
/// messages, so matching is case- and accent-insensitive and on word boundaries. A word ending in '*' matches any word
/// it begins ("crash*": crashes, crashing); other words of three letters or more also match their plural in -s or -es.
/// A phrase matches only within one sentence.
/// </summary>
internal sealed class PhraseIndex<T>
{
    private const int ShortestPrefix = 3;

    private readonly FrozenDictionary<string, Entry[]> _byFirstWord;
    private readonly FrozenDictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _firstWord;
    private readonly FrozenDictionary<string, Entry[]> _byFirstPrefix;
    private readonly FrozenDictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> _firstPrefix;
    private readonly int _longestPrefix;

    public PhraseIndex(IEnumerable<(string Phrase, T Value)> phrases)
    {
        var exact = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        var prefixed = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var (phrase, value) in phrases)
        {
            var words = Words(phrase);
            if (words.Length == 0)
            {
                continue;
            }

            var entry = new Entry(words, value);
            var first = words[0];
            if (first.EndsWith('*'))
            {
                var prefix = first[..^1];
                if (prefix.Length < ShortestPrefix)
                {
                    continue;
                }

                Add(prefixed, prefix, entry);
                _longestPrefix = Math.Max(_longestPrefix, prefix.Length);
            }
            else
            {
                Add(exact, first, entry);
            }
        }

        _byFirstWord = Freeze(exact);
        _byFirstPrefix = Freeze(prefixed);
        _firstWord = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstPrefix = _byFirstPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsEmpty => _byFirstWord.Count == 0 && _byFirstPrefix.Count == 0;

    /// <summary>Reads a phrase the way messages are read, into its words; '*' is kept at the end of a word.</summary>
    public static string[] Words(string phrase)
    {
        var words = new List<string>();
        foreach (var part in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var wildcard = part.EndsWith('*');
            var read = MessageText.Read(wildcard ? part[..^1] : part).Tokens;
            for (var index = 0; index < read.Count; index++)
            {
                words.Add(wildcard && index == read.Count - 1 ? read[index].Word + "*" : read[index].Word);
            }
        }

        return [.. words];
    }

    /// <summary>Scans left to right taking the longest phrase at each word, so no word counts twice.</summary>
    public List<PhraseMatch<T>> FindLongest(IReadOnlyList<Token> tokens)
    {
        var found = new List<PhraseMatch<T>>();
        var start = 0;
        while (start < tokens.Count)
        {
            if (LongestAt(tokens, start) is { } match)
            {
                found.Add(match);
                start += match.Length;
            }
            else
            {
                start++;
            }
        }

        return found;
    }

    /// <summary>Every phrase that occurs, overlapping or not.</summary>
    public List<PhraseMatch<T>> FindAll(IReadOnlyList<Token> tokens)
    {
        var found = new List<PhraseMatch<T>>();
        for (var start = 0; start < tokens.Count; start++)
        {
            foreach (var entry in Candidates(tokens[start].Word))
            {
                if (Matches(entry, tokens, start))
                {
                    found.Add(Match(entry, tokens, start));
                }
            }
        }

        return found;
    }

    /// <summary>The longest phrase that starts at <paramref name="start"/>, if any.</summary>
    public PhraseMatch<T>? LongestAt(IReadOnlyList<Token> tokens, int start)
    {
        Entry? best = null;
        foreach (var entry in Candidates(tokens[start].Word))
        {
            if ((best is null || entry.Words.Length > best.Words.Length) && Matches(entry, tokens, start))
            {
                best = entry;
            }
        }

        return best is null ? null : Match(best, tokens, start);
    }

    private IEnumerable<Entry> Candidates(string word)
    {
        if (_firstWord.TryGetValue(word, out var entries))
        {
            foreach (var entry in entries)
            {
                yield return entry;
            }
        }

        // Plurals: "bugs" finds the phrases that start with "bug", "crashes" those with "crash".
        for (var cut = 1; cut <= 2 && word.Length - cut >= ShortestPrefix && word[^1] == 's' && (cut == 1 || word[^2] == 'e'); cut++)
        {
            if (_firstWord.TryGetValue(word.AsSpan(0, word.Length - cut), out var plurals))
            {
                foreach (var entry in plurals)
                {
                    yield return entry;
                }
            }
        }

        for (var length = ShortestPrefix; length <= Math.Min(_longestPrefix, word.Length); length++)
        {
            if (_firstPrefix.TryGetValue(word.AsSpan(0, length), out var prefixed))
            {
                foreach (var entry in prefixed)
                {
                    yield return entry;
                }
            }
        }
    }

    private static bool Matches(Entry entry, IReadOnlyList<Token> tokens, int start)
    {
        if (start + entry.Words.Length > tokens.Count)
        {
            return false;
        }

        var sentence = tokens[start].Sentence;
        for (var offset = 0; offset < entry.Words.Length; offset++)
        {
            var token = tokens[start + offset];
            if (token.Sentence != sentence || !WordMatches(token.Word, entry.Words[offset]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool WordMatches(string token, string word)
    {
        if (word.EndsWith('*'))
        {
            return token.AsSpan().StartsWith(word.AsSpan(0, word.Length - 1), StringComparison.Ordinal);
        }

        if (token == word)
        {
            return true;
        }

        return word.Length >= ShortestPrefix && token.StartsWith(word, StringComparison.Ordinal)
            && (token.Length == word.Length + 1 && token[^1] == 's'
                || token.Length == word.Length + 2 && token.EndsWith("es", StringComparison.Ordinal));
    }

    private static PhraseMatch<T> Match(Entry entry, IReadOnlyList<Token> tokens, int start) =>
        new(start, entry.Words.Length, string.Join(' ', tokens.Skip(start).Take(entry.Words.Length).Select(token => token.Word)), entry.Value);

    private static void Add(Dictionary<string, List<Entry>> index, string key, Entry entry)
    {
        if (!index.TryGetValue(key, out var entries))
        {
            index[key] = entries = [];
        }

        entries.Add(entry);
    }

    private static FrozenDictionary<string, Entry[]> Freeze(Dictionary<string, List<Entry>> index) =>
        index.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    private sealed record Entry(string[] Words, T Value);
}
