using System.Globalization;
using System.Text;

namespace SocialEnterprise.Domain.Classification;

/// <summary>A word of a message, folded to lower case without accents, with where it stands.</summary>
/// <param name="Shouting">Written in capitals (two letters or more), which strengthens what it says.</param>
internal readonly record struct Token(string Word, int Sentence, int Clause, bool Shouting);

/// <summary>
/// A message read once: its words (lower case, accents folded, elongations like "sooo" collapsed, handles and links
/// left out), the emoji and emoticons in it, its question and exclamation marks, and the accented letters that hint at
/// its language. Everything the classifier's rules look at comes from here, so the text is scanned a single time.
/// </summary>
internal sealed partial class MessageText
{
    /// <summary>Beyond this many characters a message is classified by its beginning: what decides it is said early.</summary>
    public const int MaxLength = 4000;

    private readonly List<Token> _tokens = [];
    private readonly List<string> _symbols = [];
    private readonly HashSet<int> _questionSentences = [];
    private readonly Dictionary<char, int> _accents = [];
    private readonly StringBuilder _word = new();
    private int _wordUpper;
    private int _wordLetters;
    private int _sentence;
    private int _clause;
    private bool _sentenceBreak;
    private bool _clauseBreak;
    private bool _opensQuestion;

    private MessageText()
    {
    }

    public IReadOnlyList<Token> Tokens => _tokens;

    /// <summary>Emoji and emoticons in order of appearance, as written (skin tones and variation selectors dropped).</summary>
    public IReadOnlyList<string> Symbols => _symbols;

    /// <summary>Sentences (by index) that end in a question mark or open with '¿'.</summary>
    public IReadOnlySet<int> QuestionSentences => _questionSentences;

    /// <summary>Accented letters as written, before folding, and how often each occurs.</summary>
    public IReadOnlyDictionary<char, int> Accents => _accents;

    public int Exclamations { get; private set; }

    /// <summary>A "+1": agreeing with someone else's suggestion.</summary>
    public bool PlusOne { get; private set; }

    /// <summary>A mark out of ten such as "7/10": someone weighing the product up.</summary>
    public int? MarkOutOfTen { get; private set; }

    public static MessageText Read(string? text)
    {
        var read = new MessageText();
        if (string.IsNullOrEmpty(text))
        {
            return read;
        }

        var source = text.Length > MaxLength ? text.AsSpan(0, MaxLength) : text.AsSpan();
        var start = 0;
        while (start < source.Length)
        {
            if (char.IsWhiteSpace(source[start]))
            {
                if (source[start] is '\n' or '\r' or '\u2028' or '\u2029')
                {
                    read._sentenceBreak = true;
                }

                start++;
                continue;
            }

            var end = start;
            while (end < source.Length && !char.IsWhiteSpace(source[end]))
            {
                end++;
            }

            read.ReadChunk(source[start..end]);
            start = end;
        }

        return read;
    }

    private void ReadChunk(ReadOnlySpan<char> chunk)
    {
        if (IsLink(chunk))
        {
            return;
        }

        if (chunk.Length > 1 && chunk[0] == '@')
        {
            // A handle names an account, not what the message says; anything after it (punctuation) still counts.
            var end = 1;
            while (end < chunk.Length
                && (char.IsLetterOrDigit(chunk[end]) || chunk[end] is '_' or '.' && end + 1 < chunk.Length && char.IsLetterOrDigit(chunk[end + 1])))
            {
                end++;
            }

            chunk = chunk[end..];
            if (chunk.StartsWith("'s") || chunk.StartsWith("’s"))
            {
                chunk = chunk[2..];
            }
        }
        else if (chunk.IndexOf('@') > 0 && chunk.LastIndexOf('.') > chunk.IndexOf('@'))
        {
            return;
        }

        if (chunk.StartsWith("+1") && (chunk.Length == 2 || !char.IsDigit(chunk[2])))
        {
            PlusOne = true;
        }

        MarkOutOfTen ??= ReadMarkOutOfTen(chunk);

        var trimmed = chunk.TrimEnd(".,!?");
        if (TrailingEmoticon(trimmed) is { } emoticon && (emoticon.Length == trimmed.Length || !char.IsLetter(emoticon[0])))
        {
            ReadCharacters(trimmed[..^emoticon.Length]);
            EndWord();
            _symbols.Add(emoticon);
            _clauseBreak = true;
            ReadCharacters(chunk[trimmed.Length..]);
            return;
        }

        ReadCharacters(chunk);
        EndWord();
    }

    private void ReadCharacters(ReadOnlySpan<char> chunk)
    {
        var index = 0;
        while (index < chunk.Length)
        {
            if (Rune.DecodeFromUtf16(chunk[index..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = Math.Max(consumed, 1);
            }

            var next = index + consumed < chunk.Length ? chunk[index + consumed] : '\0';
            ReadRune(rune, next);
            index += consumed;
        }
    }

    private void ReadRune(Rune rune, char next)
    {
        if (Rune.IsLetterOrDigit(rune))
        {
            AppendLetter(rune);
            return;
        }

        var category = Rune.GetUnicodeCategory(rune);
        switch (category)
        {
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format:
                return;
            case UnicodeCategory.ModifierSymbol when rune.Value is >= 0x1F3FB and <= 0x1F3FF:
                return;
            case UnicodeCategory.OtherSymbol:
                EndWord();
                _symbols.Add(rune.ToString());
                return;
        }

        if (!rune.IsBmp)
        {
            EndWord();
            return;
        }

        switch ((char)rune.Value)
        {
            case '\'' or '\u2019' or '\u02BC' or '`' when _word.Length > 0 && char.IsLetter(next):
                _word.Append('\'');
                return;
            case '?':
                EndWord();
                // The question mark ends the sentence of the last word read, however many follow ("??").
                _questionSentences.Add(_tokens.Count == 0 ? 0 : _tokens[^1].Sentence);
                _sentenceBreak = true;
                return;
            case '¿':
                EndWord();
                _sentenceBreak = true;
                _opensQuestion = true;
                return;
            case '!' or '¡':
                EndWord();
                if (rune.Value == '!')
                {
                    Exclamations++;
                    _sentenceBreak = true;
                }

                return;
            case '.' or ';' or '…' when !char.IsLetterOrDigit(next):
                EndWord();
                _sentenceBreak = true;
                return;
            case ',' or ':' or '(' or ')' or '"' or '«' or '»' or '“' or '”' or '–' or '—':
                EndWord();
                _clauseBreak = true;
                return;
            default:
                EndWord();
                return;
        }
    }

    private void AppendLetter(Rune rune)
    {
        if (Rune.IsLetter(rune))
        {
            _wordLetters++;
            if (Rune.IsUpper(rune))
            {
                _wordUpper++;
            }
        }

        if (rune.IsBmp)
        {
            var character = (char)rune.Value;
            if (character < Folds.Length && Folds[character] is { } fold)
            {
                var lower = char.ToLowerInvariant(character);
                _accents[lower] = _accents.GetValueOrDefault(lower) + 1;
                _word.Append(fold);
                return;
            }

            _word.Append(char.ToLowerInvariant(character));
            return;
        }

        _word.Append(Rune.ToLowerInvariant(rune).ToString());
    }

    private void EndWord()
    {
        if (_word.Length == 0)
        {
            return;
        }

        var shouting = _wordLetters >= 2 && _wordUpper == _wordLetters;
        var word = CollapseElongation(_word);
        _word.Clear();
        _wordLetters = 0;
        _wordUpper = 0;

        var apostrophe = word.IndexOf('\'', StringComparison.Ordinal);
        if (apostrophe < 0)
        {
            AddToken(word, shouting);
            return;
        }

        var before = word[..apostrophe];
        var after = word[(apostrophe + 1)..].Replace("'", "", StringComparison.Ordinal);
        if (after is "t" or "s" or "re" or "ve" or "ll" or "d" or "m")
        {
            // English contractions are kept whole and written without the apostrophe, so "doesnt" and "doesn't" agree.
            AddToken(before + after, shouting);
            return;
        }

        // Elision ("l'application", "dell'ordine", "n'est") joins two words.
        AddToken(before, shouting);
        AddToken(after, shouting);
    }

    private void AddToken(string word, bool shouting)
    {
        if (word.Length == 0)
        {
            return;
        }

        if (_tokens.Count > 0 && _sentenceBreak)
        {
            _sentence++;
            _clause++;
        }
        else if (_tokens.Count > 0 && _clauseBreak)
        {
            _clause++;
        }

        if (_opensQuestion)
        {
            _questionSentences.Add(_sentence);
            _opensQuestion = false;
        }

        _sentenceBreak = false;
        _clauseBreak = false;
        _tokens.Add(new Token(word, _sentence, _clause, shouting));
    }
}
