using System.Globalization;
using System.Text.RegularExpressions;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Filtering;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Customers;

namespace SocialEnterprise.Domain.Filtering;

/// <summary>
/// Decides whether an event is noise, with the rule and the reason. Built once from the enabled rules (patterns compiled
/// once) and safe to share between threads.
/// </summary>
public sealed class NoiseFilter
{
    private readonly List<(NoiseRule Rule, Regex Pattern)> _spamPatterns = [];
    private readonly List<NoiseRule> _blockedAuthors = [];
    private readonly List<NoiseRule> _vipAuthors = [];
    private readonly List<NoiseRule> _blockedKeywords = [];
    private readonly List<NoiseRule> _keptKeywords = [];
    private readonly NoiseRule? _banter;

    public NoiseFilter(IEnumerable<NoiseRule> rules)
    {
        foreach (var rule in rules.Where(rule => rule.Enabled))
        {
            switch (rule.Kind)
            {
                case NoiseRuleKinds.SpamPattern:
                    _spamPatterns.Add((rule, new Regex(rule.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, NoiseRule.PatternTimeout)));
                    break;
                case NoiseRuleKinds.BlockedAuthor:
                    _blockedAuthors.Add(rule);
                    break;
                case NoiseRuleKinds.VipAuthor:
                    _vipAuthors.Add(rule);
                    break;
                case NoiseRuleKinds.BlockedKeyword:
                    _blockedKeywords.Add(rule);
                    break;
                case NoiseRuleKinds.KeptKeyword:
                    _keptKeywords.Add(rule);
                    break;
                case NoiseRuleKinds.Banter:
                    _banter ??= rule;
                    break;
            }
        }
    }

    /// <param name="continuesConversation">The event joins a conversation already under way: never banter, whatever it says.</param>
    public NoiseVerdict Judge(string channel, IngestEventRequest request, MessageClassification classification, bool continuesConversation = false)
    {
        var handle = IdentityKeys.Handle(request.Author!.Handle!);
        var text = request.Text!;

        if (_vipAuthors.FirstOrDefault(rule => AuthorMatches(rule.Pattern, channel, handle)) is { } vip)
        {
            return NoiseVerdict.Keep(vip, $"VIP author {Describe(vip.Pattern)} is always kept");
        }

        if (_keptKeywords.FirstOrDefault(rule => ContainsPhrase(text, rule.Pattern)) is { } kept)
        {
            return NoiseVerdict.Keep(kept, $"mentions \"{kept.Pattern}\", which is always kept");
        }

        if (_blockedAuthors.FirstOrDefault(rule => AuthorMatches(rule.Pattern, channel, handle)) is { } blocked)
        {
            return NoiseVerdict.Drop(blocked, $"blocked author {Describe(blocked.Pattern)}");
        }

        foreach (var (rule, pattern) in _spamPatterns)
        {
            Match match;
            try
            {
                match = pattern.Match(text);
            }
            catch (RegexMatchTimeoutException)
            {
                continue; // a pathological text must not stall the pipeline; the other rules still apply
            }

            if (match.Success)
            {
                return NoiseVerdict.Drop(rule, $"spam pattern \"{Describe(rule.Description, rule.Pattern)}\" matched \"{Shorten(match.Value)}\"");
            }
        }

        if (_blockedKeywords.FirstOrDefault(rule => ContainsPhrase(text, rule.Pattern)) is { } keyword)
        {
            return NoiseVerdict.Drop(keyword, $"blocked keyword \"{keyword.Pattern}\"");
        }

        // Banter only counts in public and at the start: a customer writing to the company directly, or adding to a
        // conversation under way ("still nothing"), always reaches a person.
        if (_banter is not null && classification.Type == MessageTypes.Other && !MessageKinds.Private.Contains(request.Kind!)
            && !continuesConversation)
        {
            return NoiseVerdict.Drop(_banter, "banter: no question, complaint, idea or feedback");
        }

        return NoiseVerdict.Relevant;
    }

    private static bool AuthorMatches(string pattern, string channel, string handle)
    {
        var separator = pattern.IndexOf(':', StringComparison.Ordinal);
        if (separator > 0 && IngestChannels.All.Contains(pattern[..separator].Trim().ToLowerInvariant()))
        {
            return string.Equals(pattern[..separator].Trim(), channel, StringComparison.OrdinalIgnoreCase)
                && IdentityKeys.Handle(pattern[(separator + 1)..]) == handle;
        }

        return IdentityKeys.Handle(pattern) == handle;
    }

    /// <summary>Whole-word, case- and accent-insensitive containment.</summary>
    private static bool ContainsPhrase(string text, string phrase)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions options = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        var start = 0;
        while (start < text.Length)
        {
            var found = compare.IndexOf(text.AsSpan(start), phrase.AsSpan(), options, out var length);
            if (found < 0)
            {
                return false;
            }

            var index = start + found;
            var before = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var after = index + length >= text.Length || !char.IsLetterOrDigit(text[index + length]);
            if (before && after)
            {
                return true;
            }

            start = index + 1;
        }

        return false;
    }

    private static string Describe(string pattern) => pattern.StartsWith('@') || pattern.Contains(':', StringComparison.Ordinal) ? pattern : "@" + pattern;

    private static string Describe(string description, string pattern) => string.IsNullOrWhiteSpace(description) ? pattern : description;

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..39] + "…";
}

/// <summary>The filter's decision: keep or drop, by which rule, in words.</summary>
public sealed record NoiseVerdict(bool IsNoise, NoiseRule? Rule, string Reason)
{
    public static readonly NoiseVerdict Relevant = new(false, null, "no noise rule applies");

    public static NoiseVerdict Keep(NoiseRule rule, string reason) => new(false, rule, reason);

    public static NoiseVerdict Drop(NoiseRule rule, string reason) => new(true, rule, reason);
}

/// <summary>The rules a new installation starts with; admins change them in the workspace.</summary>
public static class DefaultNoiseRules
{
    public static IReadOnlyList<NoiseRule> Create(DateTimeOffset now) =>
    [
        NoiseRule.New(NoiseRuleKinds.SpamPattern, @"\b(crypto|bitcoin|btc|nft)\b.{0,40}\b(giveaway|airdrop|double|profit|invest)", "crypto giveaway", true, "system", now, Id(1)),
        NoiseRule.New(NoiseRuleKinds.SpamPattern, @"\b(follow\s*(4|for)\s*follow|f4f|l4l|like\s*for\s*like)\b", "follow-for-follow", true, "system", now, Id(2)),
        NoiseRule.New(NoiseRuleKinds.SpamPattern, @"\b(earn|make)\s+\$?\d[\d,.]*\s*(\$|usd|dollars)?\s*(a|per|every)\s+(day|week|hour)", "get-rich-quick", true, "system", now, Id(3)),
        NoiseRule.New(NoiseRuleKinds.SpamPattern, @"\b(click|tap)\s+(here|the\s+link|link\s+in\s+bio)\b|\bcheck\s+my\s+(bio|profile)\b|\bdm\s+me\s+for\b", "link bait", true, "system", now, Id(4)),
        NoiseRule.New(NoiseRuleKinds.SpamPattern, @"\b(cheap|buy)\s+(followers|likes|views)\b", "bought followers", true, "system", now, Id(5)),
        NoiseRule.New(NoiseRuleKinds.Banter, "", "public chatter with nothing to act on", true, "system", now, Id(6)),
        NoiseRule.New(NoiseRuleKinds.KeptKeyword, "lawsuit", "legal threats always reach a person", true, "system", now, Id(7)),
        NoiseRule.New(NoiseRuleKinds.KeptKeyword, "data breach", "security reports always reach a person", true, "system", now, Id(8)),
    ];

    /// <summary>Fixed ids, so that seeding is idempotent and a deleted default is not seeded back.</summary>
    private static Guid Id(int n) => new($"00000000-0000-7000-8000-0000000000{n:D2}");
}
