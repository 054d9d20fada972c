using System.Globalization;
using System.Security.Cryptography;
using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Simulator.Traffic;

/// <summary>
/// Realistic inbound traffic from a simulated population: new posts, mentions, reviews, community threads, e-mails and
/// chat sessions, and replies that thread onto them. The same seed and run id give the same events in the same order;
/// <see cref="Next"/> may be called from several threads (one at a time, in whatever order they arrive).
/// </summary>
public sealed class TrafficGenerator
{
    public const int DefaultCustomers = 300;

    // Replies go to recent threads, as they do in life; older ones are forgotten.
    private const int OpenThreadLimit = 400;
    private const int RecentThreads = 120;

    private static readonly (Intent Intent, int Weight)[] CustomerIntents =
    [
        (Intent.Complaint, 24), (Intent.Question, 26), (Intent.Idea, 11), (Intent.Praise, 15), (Intent.Feedback, 13), (Intent.Banter, 11),
    ];

    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly MessageWriter _writer;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<SimulatedCustomer> _customers;
    private readonly IReadOnlyList<SimulatedCustomer> _spammers;
    private readonly Dictionary<string, List<SimulatedCustomer>> _spammersByChannel;
    private readonly Dictionary<string, List<SimulatedCustomer>> _customersByChannel;
    private readonly List<OpenThread> _threads = [];
    private long _sequence;

    /// <param name="runId">Part of every external id, so that a second run never repeats the first one's ids.</param>
    public TrafficGenerator(int seed, string runId, TimeProvider time, int customers = DefaultCustomers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 2);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        RunId = runId;
        _time = time;
        _random = new Random(seed);
        _writer = new MessageWriter(_random);
        People = Population.Create(_random, customers, spammers: Math.Max(1, customers / 12));
        _customers = People.Where(person => !person.IsSpammer).ToList();
        _spammers = People.Where(person => person.IsSpammer).ToList();
        _customersByChannel = ByChannel(_customers);
        _spammersByChannel = ByChannel(_spammers);
    }

    public string RunId { get; }

    /// <summary>Everyone who writes: customers first, then spam accounts.</summary>
    public IReadOnlyList<SimulatedCustomer> People { get; }

    /// <summary>Prefix of every external id this generator makes.</summary>
    public string ExternalIdPrefix => $"sim-{RunId}-";

    /// <summary>A short random run id for a new run.</summary>
    public static string NewRunId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public SimulatedEvent Next()
    {
        lock (_gate)
        {
            var number = ++_sequence;
            var externalId = ExternalIdPrefix + number.ToString(CultureInfo.InvariantCulture);
            return _threads.Count > 0 && _random.Chance(35) ? Reply(externalId) : Opening(externalId, number);
        }
    }

    private SimulatedEvent Opening(string externalId, long number)
    {
        var spam = _random.Chance(9);
        var person = spam ? _random.Pick(_spammers) : _random.Pick(_customers);
        var identity = _random.Pick(person.Identities);
        var intent = spam ? Intent.Spam : _random.PickWeighted(CustomerIntents);
        var channel = identity.Channel;
        var kind = channel switch
        {
            IngestChannels.X => _random.Chance(80) ? MessageKinds.Mention : MessageKinds.DirectMessage,
            IngestChannels.Facebook => _random.Chance(75) ? MessageKinds.Post : MessageKinds.DirectMessage,
            IngestChannels.LinkedIn => _random.Chance(60) ? MessageKinds.Mention : MessageKinds.Post,
            IngestChannels.Reviews => MessageKinds.Review,
            IngestChannels.Community => MessageKinds.Post,
            IngestChannels.Email => MessageKinds.Email,
            _ => MessageKinds.Chat,
        };
        var sequence = number.ToString(CultureInfo.InvariantCulture);
        var threadId = kind switch
        {
            MessageKinds.DirectMessage => $"sim-{RunId}-dm-{sequence}",
            MessageKinds.Email => $"sim-{RunId}-thread-{sequence}",
            MessageKinds.Chat => $"sim-{RunId}-session-{sequence}",
            _ => externalId,
        };

        var request = new IngestEventRequest
        {
            ExternalId = externalId,
            Kind = kind,
            Author = identity.ToAuthor(),
            Text = _writer.Opening(intent, channel, kind, person),
            ThreadId = threadId,
            OccurredAt = _time.GetUtcNow(),
            Url = Url(channel, kind, identity, externalId, threadId),
            Rating = channel == IngestChannels.Reviews ? Rating(intent) : null,
        };

        // Nobody carries on a spam thread, so only real customers' threads get replies.
        if (!spam)
        {
            _threads.Add(new OpenThread(channel, threadId, kind, person, intent, [externalId]));
            if (_threads.Count > OpenThreadLimit)
            {
                _threads.RemoveAt(0);
            }
        }

        return new SimulatedEvent(channel, request, intent, person.Number);
    }

    private SimulatedEvent Reply(string externalId)
    {
        var thread = _threads[_random.Next(Math.Max(0, _threads.Count - RecentThreads), _threads.Count)];
        var isPrivate = MessageKinds.Private.Contains(thread.Kind);
        var channel = thread.Channel;

        SimulatedCustomer person;
        Intent intent;
        var own = isPrivate || _random.Chance(55);
        if (!isPrivate && _spammersByChannel.TryGetValue(channel, out var spammers) && _random.Chance(8))
        {
            person = _random.Pick(spammers);
            intent = Intent.Spam;
            own = false;
        }
        else if (!own && _customersByChannel[channel].Count > 1)
        {
            do
            {
                person = _random.Pick(_customersByChannel[channel]);
            }
            while (person.Number == thread.Owner.Number);

            intent = _random.Chance(20) ? Intent.Banter : thread.Intent;
        }
        else
        {
            own = true;
            person = thread.Owner;
            intent = thread.Intent is Intent.Complaint or Intent.Question && _random.Chance(15) ? Intent.Praise : thread.Intent;
        }

        var identity = person.On(channel)!;
        var kind = isPrivate ? thread.Kind : MessageKinds.Comment;
        var inReplyTo = isPrivate || _random.Chance(70) ? thread.Messages[^1] : _random.Pick(thread.Messages);
        var request = new IngestEventRequest
        {
            ExternalId = externalId,
            Kind = kind,
            Author = identity.ToAuthor(),
            Text = _writer.Reply(intent, channel, kind, person, own),
            InReplyTo = inReplyTo,
            ThreadId = thread.ThreadId,
            OccurredAt = _time.GetUtcNow(),
            Url = Url(channel, kind, identity, externalId, thread.ThreadId),
        };
        thread.Messages.Add(externalId);
        return new SimulatedEvent(channel, request, intent, person.Number);
    }

    private int Rating(Intent intent) => intent switch
    {
        Intent.Complaint => _random.Next(1, 3),
        Intent.Question or Intent.Idea => _random.Next(3, 5),
        Intent.Feedback => _random.Next(2, 5),
        Intent.Praise => _random.Chance(80) ? 5 : 4,
        Intent.Banter => _random.Next(4, 6),
        _ => 5,
    };

    private static string? Url(string channel, string kind, SimulatedIdentity identity, string externalId, string threadId) =>
        MessageKinds.Private.Contains(kind)
            ? null
            : channel switch
            {
                IngestChannels.X => $"https://x.com/{identity.Handle}/status/{externalId}",
                IngestChannels.Facebook => kind == MessageKinds.Comment
                    ? $"https://www.facebook.com/northwind/posts/{threadId}?comment_id={externalId}"
                    : $"https://www.facebook.com/northwind/posts/{externalId}",
                IngestChannels.LinkedIn => $"https://www.linkedin.com/feed/update/urn:li:activity:{externalId}",
                IngestChannels.Reviews => $"https://reviews.example.com/northwind/{threadId}#{externalId}",
                IngestChannels.Community => $"https://community.northwind.example/t/{threadId}#{externalId}",
                _ => null,
            };

    private static Dictionary<string, List<SimulatedCustomer>> ByChannel(IEnumerable<SimulatedCustomer> people) =>
        people.SelectMany(person => person.Identities.Select(identity => (identity.Channel, person)))
            .GroupBy(pair => pair.Channel, pair => pair.person)
            .ToDictionary(group => group.Key, group => group.ToList());

    private sealed record OpenThread(string Channel, string ThreadId, string Kind, SimulatedCustomer Owner, Intent Intent, List<string> Messages);
}
