using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace SocialEnterprise.Domain.Classification;

/// <summary>How a message's pieces are recognised: folded letters, stretched words, links, marks out of ten, emoticons.</summary>
internal sealed partial class MessageText
{
    // Declared before Folds, which is built from it.
    private static readonly FrozenDictionary<char, string> Ligatures = new Dictionary<char, string>
    {
        ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['ø'] = "o", ['đ'] = "d", ['ł'] = "l", ['þ'] = "th", ['ð'] = "d",
    }.ToFrozenDictionary();

    private static readonly ImmutableArray<string?> Folds = BuildFolds();

    // Longest first, so ":-(" is not read as ":-" followed by "(".
    private static readonly string[] Emoticons =
        [":'-(", ":'(", ":-)", ":-(", ":-D", ":-/", ":-P", ";-)", ":)", ":(", ":D", ":/", ":P", ";)", "=)", "=(", ":|", "<3", "xD", "XD", "^^"];

    private static string CollapseElongation(StringBuilder word)
    {
        // "sooo", "loooove" and "yesss" mean "so", "love" and "yes"; no word in these languages triples a letter.
        var collapsed = new StringBuilder(word.Length);
        for (var index = 0; index < word.Length; index++)
        {
            var character = word[index];
            var run = 1;
            while (index + run < word.Length && word[index + run] == character)
            {
                run++;
            }

            collapsed.Append(character, run >= 3 && char.IsLetter(character) ? 1 : run);
            index += run - 1;
        }

        return collapsed.ToString();
    }

    private static bool IsLink(ReadOnlySpan<char> chunk)
    {
        if (chunk.Contains("://", StringComparison.Ordinal) || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Short links such as "bit.ly/abc" or "t.me/channel": a dotted host followed by a path.
        var slash = chunk.IndexOf('/');
        if (slash <= 2)
        {
            return false;
        }

        var host = chunk[..slash];
        var dot = host.LastIndexOf('.');
        return dot > 0 && dot < host.Length - 2 && char.IsLetter(host[dot + 1]) && char.IsLetter(host[dot - 1]);
    }

    private static int? ReadMarkOutOfTen(ReadOnlySpan<char> chunk)
    {
        var trimmed = chunk.TrimEnd(".,!?;:)");
        var slash = trimmed.IndexOf("/10", StringComparison.Ordinal);
        return slash > 0 && slash + 3 == trimmed.Length
            && int.TryParse(trimmed[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var mark) && mark <= 10
                ? mark
                : null;
    }

    private static string? TrailingEmoticon(ReadOnlySpan<char> chunk)
    {
        var trimmed = chunk.TrimEnd(".,!?");
        foreach (var emoticon in Emoticons)
        {
            if (trimmed.EndsWith(emoticon, StringComparison.Ordinal))
            {
                return emoticon;
            }
        }

        return null;
    }

    private static ImmutableArray<string?> BuildFolds()
    {
        var folds = new string?[0x250];
        for (var character = (char)0xC0; character < folds.Length; character++)
        {
            var lower = char.ToLowerInvariant(character);
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            var bare = new StringBuilder();
            foreach (var part in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                {
                    bare.Append(part);
                }
            }

            if (bare.Length > 0 && bare.ToString() != lower.ToString())
            {
                folds[character] = bare.ToString();
            }
        }

        foreach (var (letter, fold) in Ligatures)
        {
            folds[letter] = fold;
            folds[char.ToUpperInvariant(letter)] = fold;
        }

        return [.. folds];
    }
}
