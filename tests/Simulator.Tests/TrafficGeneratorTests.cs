using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Simulator.Traffic;

namespace SocialEnterprise.Simulator.Tests;

public sealed class TrafficGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void The_same_seed_and_run_give_the_same_events_in_the_same_order()
    {
        var first = Bodies(new TrafficGenerator(7, "run1", new FakeTimeProvider(Now)), 1_000);
        var second = Bodies(new TrafficGenerator(7, "run1", new FakeTimeProvider(Now)), 1_000);
        var otherSeed = Bodies(new TrafficGenerator(8, "run1", new FakeTimeProvider(Now)), 1_000);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void A_second_run_never_repeats_an_external_id_of_the_first()
    {
        var first = Events(new TrafficGenerator(1, "aaaa", TimeProvider.System), 2_000);
        var second = Events(new TrafficGenerator(1, "bbbb", TimeProvider.System), 2_000);

        var ids = first.Concat(second).Select(e => (e.Channel, e.Request.ExternalId)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(first, e => Assert.StartsWith("sim-aaaa-", e.Request.ExternalId, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_channel_and_every_kind_appears_and_each_kind_fits_its_channel()
    {
        var events = Events(new TrafficGenerator(3, "kinds", TimeProvider.System), 4_000);

        Assert.Equal(IngestChannels.All.Order(), events.Select(e => e.Channel).Distinct().Order());
        Assert.Equal(MessageKinds.All.Order(), events.Select(e => e.Request.Kind!).Distinct().Order());
        Assert.All(events, e =>
        {
            var fits = e.Request.Kind switch
            {
                MessageKinds.Review => e.Channel == IngestChannels.Reviews,
                MessageKinds.Email => e.Channel == IngestChannels.Email,
                MessageKinds.Chat => e.Channel == IngestChannels.Chat,
                MessageKinds.Post => e.Channel is IngestChannels.Facebook or IngestChannels.LinkedIn or IngestChannels.Community,
                MessageKinds.Mention => e.Channel is IngestChannels.X or IngestChannels.LinkedIn,
                MessageKinds.DirectMessage => e.Channel is IngestChannels.X or IngestChannels.Facebook,
                _ => e.Channel is not (IngestChannels.Email or IngestChannels.Chat),
            };
            Assert.True(fits, $"{e.Request.Kind} on {e.Channel}");
        });
    }

    [Fact]
    public void Reviews_and_only_reviews_carry_a_rating_from_one_to_five_that_follows_the_mood()
    {
        var events = Events(new TrafficGenerator(4, "stars", TimeProvider.System), 4_000);

        Assert.All(events, e => Assert.Equal(e.Request.Kind == MessageKinds.Review, e.Request.Rating is not null));
        var reviews = events.Where(e => e.Request.Kind == MessageKinds.Review).ToList();
        Assert.All(reviews, e => Assert.InRange(e.Request.Rating!.Value, 1, 5));
        Assert.All(reviews.Where(e => e.Intent == Intent.Complaint), e => Assert.True(e.Request.Rating <= 2));
        Assert.All(reviews.Where(e => e.Intent == Intent.Praise), e => Assert.True(e.Request.Rating >= 4));
    }

    [Fact]
    public void Replies_answer_only_earlier_events_on_the_same_channel_and_stay_in_their_thread()
    {
        var events = Events(new TrafficGenerator(5, "threads", TimeProvider.System), 5_000);
        var threadOf = new Dictionary<(string Channel, string ExternalId), string>();
        var threads = new HashSet<string>();

        foreach (var e in events)
        {
            var request = e.Request;
            Assert.False(string.IsNullOrEmpty(request.ThreadId));
            if (request.InReplyTo is { } answered)
            {
                Assert.True(threadOf.TryGetValue((e.Channel, answered), out var thread), $"{request.ExternalId} answers {answered}, not an earlier event on {e.Channel}");
                Assert.Equal(thread, request.ThreadId);
            }
            else
            {
                Assert.True(threads.Add(request.ThreadId!), $"{request.ExternalId} starts a thread that already exists");
            }

            threadOf[(e.Channel, request.ExternalId!)] = request.ThreadId!;
        }

        var replies = events.Count(e => e.Request.InReplyTo is not null);
        Assert.InRange(replies, events.Count / 5, events.Count / 2);
        Assert.Contains(events, e => e.Request.InReplyTo is not null && e.Channel == IngestChannels.Email);
        Assert.Contains(events, e => e.Request.InReplyTo is not null && e.Channel == IngestChannels.Chat);
    }

    [Fact]
    public void Customers_have_several_identities_on_different_channels_under_one_name_with_similar_handles()
    {
        var generator = new TrafficGenerator(6, "people", TimeProvider.System);
        var customers = generator.People.Where(p => !p.IsSpammer).ToList();

        Assert.All(customers, c =>
        {
            Assert.InRange(c.Identities.Count, 1, 3);
            Assert.Equal(c.Identities.Count, c.Identities.Select(i => i.Channel).Distinct().Count());
            Assert.All(c.Identities, i => Assert.Equal(c.DisplayName, i.DisplayName));
        });
        Assert.True(customers.Count(c => c.Identities.Count >= 2) > customers.Count / 3);
        Assert.Contains(customers, c => c.Identities.Count == 3);

        // ann_lee on X, annlee84 or ann.lee elsewhere: the handles share the person's name.
        var social = customers.SelectMany(c => c.Identities.Where(i => i.Channel is IngestChannels.X or IngestChannels.Facebook or IngestChannels.LinkedIn)
            .Select(i => (Names: c.DisplayName.Split(' ').Select(Plain).ToList(), Handle: Plain(i.Handle))));
        Assert.All(social, pair => Assert.Contains(pair.Names, name => pair.Handle.Contains(name, StringComparison.Ordinal)));

        Assert.Contains(customers, c => c.On(IngestChannels.Email) is { } email && c.On(IngestChannels.Chat)?.Email == email.Email);
        Assert.Contains(customers, c => c.On(IngestChannels.LinkedIn)?.Links is [{ Channel: IngestChannels.X } link] && link.Handle == c.On(IngestChannels.X)!.Handle);
        Assert.All(customers.Where(c => c.On(IngestChannels.X) is not null), c => Assert.Matches("^[a-z0-9_]+$", c.On(IngestChannels.X)!.Handle));
    }

    [Fact]
    public void Every_author_is_one_of_the_populations_identities_on_that_channel()
    {
        var generator = new TrafficGenerator(9, "authors", TimeProvider.System);
        var events = Events(generator, 2_000);

        Assert.All(events, e =>
        {
            var person = generator.People.Single(p => p.Number == e.CustomerNumber);
            Assert.Equal(person.On(e.Channel)!.ToAuthor(), e.Request.Author);
            Assert.Equal(person.IsSpammer, e.Intent == Intent.Spam);
        });
        Assert.True(events.Select(e => e.CustomerNumber).Distinct().Count() > 150);
    }

    [Fact]
    public void Complaints_questions_ideas_praise_feedback_banter_and_spam_all_appear_and_spam_looks_like_spam()
    {
        var events = Events(new TrafficGenerator(10, "mix", TimeProvider.System), 3_000);

        Assert.Equal(Enum.GetValues<Intent>(), events.Select(e => e.Intent).Distinct().Order());
        var spam = events.Where(e => e.Intent == Intent.Spam).ToList();
        Assert.InRange(spam.Count, events.Count / 30, events.Count / 5);
        Assert.All(spam, e => Assert.Matches(new Regex(@"https?://|t\.me/|crypto|follow|(.)\1{4,}", RegexOptions.IgnoreCase), e.Request.Text!));
        Assert.True(events.Count(e => e.Intent == Intent.Banter) > events.Count / 30);
    }

    [Fact]
    public void Texts_are_varied_and_read_like_people_wrote_them()
    {
        var events = Events(new TrafficGenerator(11, "texts", TimeProvider.System), 3_000);
        var texts = events.Select(e => e.Request.Text!).ToList();

        Assert.True(texts.Distinct().Count() > 1_000);
        Assert.DoesNotContain(texts, text => text.Contains('{', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(text));
        Assert.Contains(texts, text => text.Contains('#', StringComparison.Ordinal));
        Assert.Contains(texts, text => text.EnumerateRunes().Any(rune => rune.Value >= 0x1F300));
        Assert.Contains(texts, text => text.Contains("Mein Thermostat", StringComparison.Ordinal) || text.Contains("¿El termostato", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Channel == IngestChannels.Email && e.Request.Text!.Contains("\n\n", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Channel == IngestChannels.X && e.Request.Text!.Contains("@northwind", StringComparison.Ordinal));
    }

    [Fact]
    public void Events_occur_at_the_injected_clocks_now()
    {
        var time = new FakeTimeProvider(Now);
        var generator = new TrafficGenerator(12, "clock", time);

        var first = generator.Next();
        time.Advance(TimeSpan.FromMinutes(3));
        var second = generator.Next();

        Assert.Equal(Now, first.Request.OccurredAt);
        Assert.Equal(Now.AddMinutes(3), second.Request.OccurredAt);
    }

    [Fact]
    public void The_body_is_camel_case_json_without_absent_fields_and_its_signature_verifies()
    {
        var events = Events(new TrafficGenerator(13, "json", new FakeTimeProvider(Now)), 300);

        Assert.All(events, e =>
        {
            var body = e.Body();
            var signature = IngestSignature.Sign("dev-secret", body);
            Assert.True(IngestSignature.IsValid("dev-secret", body, signature));
            Assert.False(IngestSignature.IsValid("another-secret", body, signature));

            using var json = JsonDocument.Parse(body);
            Assert.Equal(e.Request.ExternalId, json.RootElement.GetProperty("externalId").GetString());
            Assert.Equal(e.Request.Author!.Handle, json.RootElement.GetProperty("author").GetProperty("handle").GetString());
            Assert.Equal(Now, json.RootElement.GetProperty("occurredAt").GetDateTimeOffset());
            var fields = json.RootElement.EnumerateObject().Concat(json.RootElement.GetProperty("author").EnumerateObject());
            Assert.DoesNotContain(fields, field => field.Value.ValueKind == JsonValueKind.Null);
        });
    }

    [Fact]
    public void Several_threads_may_draw_events_at_once_without_losing_or_repeating_one()
    {
        var generator = new TrafficGenerator(14, "threads", TimeProvider.System);

        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4_000, _ => ids.Add(generator.Next().Request.ExternalId!));

        Assert.Equal(4_000, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 4_000).Select(n => $"sim-threads-{n}").Order(), ids.Order());
    }

    private static List<SimulatedEvent> Events(TrafficGenerator generator, int count) =>
        Enumerable.Range(0, count).Select(_ => generator.Next()).ToList();

    private static List<string> Bodies(TrafficGenerator generator, int count) =>
        Events(generator, count).Select(e => System.Text.Encoding.UTF8.GetString(e.Body())).ToList();

    private static string Plain(string name) =>
        new(name.Replace('ı', 'i').Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).Select(char.ToLowerInvariant).ToArray());
}
