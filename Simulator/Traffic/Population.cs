using System.Globalization;
using System.Text;
using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Simulator.Traffic;

/// <summary>One handle of a simulated person on one channel.</summary>
public sealed record SimulatedIdentity(
    string Channel, string Handle, string DisplayName, string? Email, int? Followers, IReadOnlyList<IngestLinkedProfile>? Links)
{
    public IngestAuthor ToAuthor() => new()
    {
        Handle = Handle,
        DisplayName = DisplayName,
        Email = Email,
        Followers = Followers,
        Links = Links,
    };
}

/// <summary>A simulated person: a customer with one to three identities, or a spam account with one.</summary>
public sealed record SimulatedCustomer(int Number, string DisplayName, IReadOnlyList<SimulatedIdentity> Identities, bool IsSpammer)
{
    public SimulatedIdentity? On(string channel) => Identities.FirstOrDefault(identity => identity.Channel == channel);
}

/// <summary>Builds the simulated people from a seeded random source, so one seed always gives the same population.</summary>
public static class Population
{
    private static readonly string[] FirstNames =
    [
        "Ann", "Ben", "Chloé", "David", "Emma", "Farid", "Grace", "Hiroshi", "Isabel", "Jonas", "Kemi", "Liam", "Maria",
        "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sven", "Tanya", "Umar", "Vera", "Wei", "Xavier", "Yasmin", "Zoe",
        "Aisha", "Björn", "Carmen", "Dmitri", "Elif", "Fatima", "Gabriel", "Hannah", "Ivan", "Julia", "Kofi", "Lena",
        "Mateo", "Nadia", "Oscar", "Priya", "Raúl", "Sofia", "Tom", "Ursula", "Valentina", "Will",
    ];

    private static readonly string[] LastNames =
    [
        "Lee", "Smith", "García", "Müller", "Okafor", "Rossi", "Nguyen", "Kowalski", "Dubois", "Silva", "Johansson",
        "Yılmaz", "Tanaka", "Patel", "O'Brien", "Novak", "Haddad", "Costa", "Jensen", "Kim", "Moreau", "Fischer",
        "Mensah", "Ivanova", "Brown", "López", "Schmidt", "Chen", "Andersen", "Walsh", "Rahman", "Herrera",
    ];

    private static readonly string[] EmailDomains = ["example.com", "example.org", "example.net", "mail.example", "inbox.example"];

    private static readonly string[] SpamWords = ["crypto", "promo", "deals", "followers", "winner", "cash", "nft", "moon", "bonus", "gains"];

    // How often each channel is among a customer's identities: most people are on X and Facebook, fewer write e-mails.
    private static readonly (string Channel, int Weight)[] ChannelWeights =
    [
        (IngestChannels.X, 26), (IngestChannels.Facebook, 20), (IngestChannels.Email, 16), (IngestChannels.Chat, 12),
        (IngestChannels.Reviews, 10), (IngestChannels.Community, 10), (IngestChannels.LinkedIn, 8),
    ];

    private static readonly string[] SpamChannels = [IngestChannels.X, IngestChannels.Facebook, IngestChannels.Community, IngestChannels.Reviews];

    public static IReadOnlyList<SimulatedCustomer> Create(Random random, int customers, int spammers)
    {
        var people = new List<SimulatedCustomer>(customers + spammers);
        for (var number = 1; number <= customers; number++)
        {
            people.Add(Customer(random, number));
        }

        for (var number = customers + 1; number <= customers + spammers; number++)
        {
            people.Add(Spammer(random, number));
        }

        return people;
    }

    private static SimulatedCustomer Customer(Random random, int number)
    {
        var first = random.Pick(FirstNames);
        var last = random.Pick(LastNames);
        var displayName = $"{first} {last}";
        var f = Plain(first);
        var l = Plain(last);
        var year = random.Next(70, 110) % 100;
        var email = $"{f}.{l}{(random.Next(3) == 0 ? year.ToString("00", CultureInfo.InvariantCulture) : "")}@{random.Pick(EmailDomains)}";

        var count = random.Next(100) switch
        {
            < 40 => 1,
            < 75 => 2,
            _ => 3,
        };
        var channels = new List<string>(count);
        while (channels.Count < count)
        {
            var channel = random.PickWeighted(ChannelWeights);
            if (!channels.Contains(channel))
            {
                channels.Add(channel);
            }
        }

        // The same person spells their handle a little differently on each network: ann_lee, annlee84, ann.lee.
        string[] handles = [$"{f}_{l}", $"{f}{l}{year:00}", $"{f}.{l}", $"{f}{l}", $"{f[0]}{l}", $"{f}_{l[0]}", $"the{f}{l}", $"{f}-{l}"];
        var xHandle = random.Pick(handles.Where(handle => handle.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')).ToList());
        var sharesEmailInChat = channels.Contains(IngestChannels.Email) || random.Next(2) == 0;

        var identities = new List<SimulatedIdentity>(count);
        foreach (var channel in channels)
        {
            identities.Add(channel switch
            {
                IngestChannels.X => new(channel, xHandle, displayName, null, Followers(random), null),
                IngestChannels.Facebook => new(channel, random.Pick(handles), displayName, null, Followers(random), null),
                IngestChannels.LinkedIn => new(channel, $"{f}-{l}-{random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)}",
                    displayName, null, Followers(random),
                    channels.Contains(IngestChannels.X) && random.Next(10) < 6 ? [new IngestLinkedProfile(IngestChannels.X, xHandle)] : null),
                IngestChannels.Reviews => new(channel, $"{first}{char.ToUpperInvariant(l[0])}", displayName, null, null, null),
                IngestChannels.Community => new(channel, random.Pick(handles), displayName,
                    random.Next(4) == 0 ? email : null, random.Next(0, 60), null),
                IngestChannels.Email => new(channel, email, displayName, email, null, null),
                _ => new(channel, $"visitor-{random.Next(0x1000, 0xFFFF).ToString("x4", CultureInfo.InvariantCulture)}", displayName,
                    sharesEmailInChat ? email : null, null, null),
            });
        }

        return new SimulatedCustomer(number, displayName, identities, IsSpammer: false);
    }

    private static SimulatedCustomer Spammer(Random random, int number)
    {
        var word = random.Pick(SpamWords);
        var handle = random.Next(3) switch
        {
            0 => $"{word}_king_{random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)}",
            1 => $"best{word}{random.Next(10, 99).ToString(CultureInfo.InvariantCulture)}xx",
            _ => $"{word}.{word}.{random.Next(100, 999).ToString(CultureInfo.InvariantCulture)}",
        };
        var displayName = random.Next(2) == 0 ? $"💰 {Capitalised(word)} Daily 💰" : $"{Capitalised(word)} Official";
        var channel = random.Pick(SpamChannels);
        var followers = random.Next(4) == 0 ? random.Next(50_000, 400_000) : random.Next(0, 40);
        return new SimulatedCustomer(number, displayName,
            [new SimulatedIdentity(channel, handle, displayName, null, channel == IngestChannels.Reviews ? null : followers, null)], IsSpammer: true);
    }

    // Most people have a few hundred followers; a few are influencers the company would want to see first.
    private static int Followers(Random random) =>
        random.Next(100) < 3 ? random.Next(10_000, 250_000) : (int)Math.Exp(random.NextDouble() * 7.5);

    /// <summary>A name as people type it into a handle: lower case, without accents or apostrophes.</summary>
    private static string Plain(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c == 'ı')
            {
                builder.Append('i');
            }
        }

        return builder.ToString();
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}

internal static class RandomPicks
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static T PickWeighted<T>(this Random random, IReadOnlyList<(T Item, int Weight)> items)
    {
        var total = 0;
        foreach (var (_, weight) in items)
        {
            total += weight;
        }

        var roll = random.Next(total);
        foreach (var (item, weight) in items)
        {
            if (roll < weight)
            {
                return item;
            }

            roll -= weight;
        }

        return items[^1].Item;
    }

    public static bool Chance(this Random random, int percent) => random.Next(100) < percent;
}
