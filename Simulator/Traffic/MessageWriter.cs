using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Simulator.Traffic;

/// <summary>Turns an intent into the text a person would type on a channel: filled-in templates, roughened as people write.</summary>
internal sealed partial class MessageWriter(Random random)
{
    public string Opening(Intent intent, string channel, string kind, SimulatedCustomer person)
    {
        if (intent == Intent.Spam)
        {
            return Fill(random.Pick(MessageTemplates.Spam), channel);
        }

        var foreign = MessageTemplates.Foreign.Where(line => line.Intent == intent).ToList();
        if (channel != IngestChannels.Email && foreign.Count > 0 && random.Chance(5))
        {
            return Fill(random.Pick(foreign).Text, channel);
        }

        var text = channel switch
        {
            IngestChannels.Email => Letter(Fill(random.Pick(MessageTemplates.Emails[intent]), channel), person),
            IngestChannels.Chat => Fill(random.Pick(MessageTemplates.Chats[intent]), channel),
            IngestChannels.Reviews => Fill(random.Pick(MessageTemplates.Reviews[intent]), channel),
            _ => Fill(random.Pick(MessageTemplates.Public[intent]), channel),
        };
        if (channel == IngestChannels.Email)
        {
            return text;
        }

        text = Roughen(text, intent, channel, kind);
        return channel == IngestChannels.X && kind == MessageKinds.Mention && !text.Contains(MessageTemplates.BrandHandle, StringComparison.Ordinal)
            ? $"{MessageTemplates.BrandHandle} {text}"
            : text;
    }

    /// <param name="own">Whether the writer started the thread (a follow-up) or joins someone else's (a join-in).</param>
    public string Reply(Intent intent, string channel, string kind, SimulatedCustomer person, bool own)
    {
        if (intent == Intent.Spam)
        {
            return Fill(random.Pick(MessageTemplates.Spam), channel);
        }

        if (channel == IngestChannels.Email)
        {
            return Letter(Fill(random.Pick(MessageTemplates.EmailFollowUps[intent]), channel), person);
        }

        var text = Fill(random.Pick(own ? MessageTemplates.FollowUps[intent] : MessageTemplates.JoinIns[intent]), channel);
        return Roughen(text, intent, channel, kind);
    }

    private string Letter(string body, SimulatedCustomer person)
    {
        var first = person.DisplayName.Split(' ')[0];
        return $"{random.Pick(MessageTemplates.EmailGreetings)}\n\n{body}\n\n{random.Pick(MessageTemplates.EmailClosings)}\n{first}";
    }

    /// <summary>People don't write like templates: typos, shouting, lower case, emoji and hashtags.</summary>
    private string Roughen(string text, Intent intent, string channel, string kind)
    {
        var formal = channel == IngestChannels.LinkedIn;
        if (!formal && random.Chance(12))
        {
            text = Typo(text);
        }

        if (!formal && random.Chance(channel == IngestChannels.Chat ? 30 : 10))
        {
            text = text.ToLowerInvariant();
        }

        if (intent == Intent.Complaint && !formal && random.Chance(15))
        {
            text = random.Pick(["Ugh. ", "Seriously?? ", "Sooooo annoyed. ", "WTF ", "NOT HAPPY. "]) + text.TrimEnd('.') + "!!!";
        }
        else if (intent == Intent.Praise && random.Chance(15))
        {
            text = random.Pick(["Wowww ", "Yesss! ", "Sooooo good. ", "OMG "]) + text;
        }

        if (MessageTemplates.Emoji.TryGetValue(intent, out var emoji) && random.Chance(formal ? 5 : 25))
        {
            var count = random.Next(1, 4);
            var builder = new StringBuilder(text).Append(' ');
            for (var i = 0; i < count; i++)
            {
                builder.Append(random.Pick(emoji));
            }

            text = builder.ToString();
        }

        if (channel is IngestChannels.X or IngestChannels.Facebook or IngestChannels.LinkedIn or IngestChannels.Community
            && !MessageKinds.Private.Contains(kind) && MessageTemplates.Hashtags.TryGetValue(intent, out var hashtags) && random.Chance(30))
        {
            text += " " + random.Pick(hashtags);
            if (random.Chance(30))
            {
                text += " " + random.Pick(hashtags);
            }
        }

        return text;
    }

    /// <summary>Swaps two neighbouring letters in one longer word, the commonest typo.</summary>
    private string Typo(string text)
    {
        var words = text.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 4 && words[i].All(char.IsAsciiLetterLower)).ToList();
        if (candidates.Count == 0)
        {
            return text;
        }

        var index = random.Pick(candidates);
        var word = words[index].ToCharArray();
        var at = random.Next(word.Length - 1);
        (word[at], word[at + 1]) = (word[at + 1], word[at]);
        words[index] = new string(word);
        return string.Join(' ', words);
    }

    private string Fill(string template, string channel) => Placeholder().Replace(template, match => match.Groups[1].Value switch
    {
        "brand" => channel == IngestChannels.X ? MessageTemplates.BrandHandle : MessageTemplates.Brand,
        "product" => random.Pick(MessageTemplates.Products),
        "feature" => random.Pick(MessageTemplates.Features),
        "device" => random.Pick(MessageTemplates.Devices),
        "integration" => random.Pick(MessageTemplates.Integrations),
        "order" => "NW-" + random.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture),
        "days" => random.Next(3, 22).ToString(CultureInfo.InvariantCulture),
        "code" => Code(),
        var other => throw new InvalidOperationException($"Unknown placeholder {{{other}}} in a message template."),
    });

    private string Code()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(7, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
