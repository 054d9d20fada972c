using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Domain.Classification;

namespace SocialEnterprise.Domain.Tests.Classification;

public sealed class MessageClassifierTests
{
    private readonly MessageClassifier _classifier = new();

    [Theory]
    [InlineData("The new app is good", "The new app is not good")]
    [InlineData("The hub is reliable", "The hub is never reliable")]
    [InlineData("Die Lampe ist gut", "Die Lampe ist nicht gut")]
    [InlineData("La lampe est bien", "La lampe n'est pas bien")]
    public void Negation_turns_the_sentiment_around(string plain, string negated)
    {
        var positive = Classify(plain, "community", "comment");
        var negative = Classify(negated, "community", "comment");

        Assert.True(positive.SentimentScore > 0, positive.Explain());
        Assert.True(negative.SentimentScore < 0, negative.Explain());
        Assert.Contains(negative.Signals, signal => signal.Facet == ClassificationFacets.Sentiment && signal.Rule == "negation");
    }

    [Fact]
    public void Never_having_a_problem_is_good_news()
    {
        var classification = Classify("Never had a problem with these bulbs in five years.", "reviews", "review");

        Assert.Equal(SentimentLabels.Positive, classification.SentimentLabel);
    }

    [Fact]
    public void Intensifiers_capitals_and_exclamation_marks_strengthen_and_softeners_weaken()
    {
        double Score(string text) => Classify(text, "x", "mention").SentimentScore;

        Assert.True(Score("the lamp is very good") > Score("the lamp is good"));
        Assert.True(Score("the lamp is extremely bad") < Score("the lamp is bad"));
        Assert.True(Score("the lamp is good!!!") > Score("the lamp is good"));
        Assert.True(Score("the app is TERRIBLE") < Score("the app is terrible"));
        Assert.True(Score("the app is a bit slow") > Score("the app is slow"));
    }

    [Fact]
    public void What_follows_a_but_weighs_more()
    {
        Assert.Equal(SentimentLabels.Negative, Classify("The lamp looks nice but the app is awful and useless", "reviews", "review").SentimentLabel);
        Assert.Equal(SentimentLabels.Positive, Classify("Setup was a bit annoying but the lamp is absolutely wonderful", "reviews", "review").SentimentLabel);
    }

    [Theory]
    [InlineData("the lamp arrived 😍", SentimentLabels.Positive)]
    [InlineData("the lamp arrived 👍", SentimentLabels.Positive)]
    [InlineData("the lamp arrived :)", SentimentLabels.Positive)]
    [InlineData("the lamp arrived 😡", SentimentLabels.Negative)]
    [InlineData("the lamp arrived :(", SentimentLabels.Negative)]
    [InlineData("the lamp arrived", SentimentLabels.Neutral)]
    public void Emoji_and_emoticons_carry_feeling(string text, string label) =>
        Assert.Equal(label, Classify(text, "facebook", "comment").SentimentLabel);

    [Fact]
    public void A_reviews_stars_inform_its_sentiment()
    {
        var oneStar = Classify("The lamp arrived on Tuesday.", "reviews", "review", rating: 1);
        var fiveStars = Classify("The lamp arrived on Tuesday.", "reviews", "review", rating: 5);

        Assert.Equal(SentimentLabels.Negative, oneStar.SentimentLabel);
        Assert.Equal(SentimentLabels.Positive, fiveStars.SentimentLabel);
        Assert.Contains(fiveStars.Signals, signal => signal.Rule == "star rating" && signal.Words.SequenceEqual(["5/5"]));
    }

    [Theory]
    [InlineData("How do I pair the new bulb with the hub?", MessageTypes.Question)]
    [InlineData("Do you ship to Norway", MessageTypes.Question)]
    [InlineData("Why is the app always so slow and useless??", MessageTypes.Complaint)]
    [InlineData("Where is my order??? Ordered three weeks ago and still nothing", MessageTypes.Complaint)]
    public void A_question_mark_asks_unless_the_question_is_a_complaint(string text, string type) =>
        Assert.Equal(type, Classify(text, "chat", "chat").Type);

    [Theory]
    [InlineData("It would be great if the app had a dark mode")]
    [InlineData("Please add a vacation mode to the app")]
    [InlineData("Can you add PayPal as a payment option?")]
    [InlineData("Suggestion: let us group lights from different rooms")]
    [InlineData("Es wäre schön, wenn man Szenen teilen könnte")]
    [InlineData("Ce serait bien d'avoir un minuteur")]
    public void Proposals_are_ideas(string text)
    {
        var classification = Classify(text, "community", "post");

        Assert.Equal(MessageTypes.Idea, classification.Type);
        Assert.Equal(Urgencies.Low, classification.Urgency);
    }

    [Theory]
    [InlineData("Thank you so much, your support team was amazing!", MessageTypes.Praise)]
    [InlineData("The lamp is nice, although the colours look a bit washed out", MessageTypes.Feedback)]
    [InlineData("lol", MessageTypes.Other)]
    [InlineData("🔥🔥🔥", MessageTypes.Other)]
    [InlineData("Follow back? #f4f", MessageTypes.Other)]
    [InlineData("The hub stopped working and nobody answers my emails", MessageTypes.Complaint)]
    public void Every_type_has_its_cues(string text, string type) =>
        Assert.Equal(type, Classify(text, "facebook", "comment").Type);

    [Fact]
    public void A_fault_that_keeps_happening_is_a_complaint()
    {
        var classification = Classify("my bulbs keep disconnecting from the hub every few hours", "x", "mention");

        Assert.Equal(MessageTypes.Complaint, classification.Type);
        Assert.Contains(classification.Signals, signal => signal.Rule == "something going wrong again or for good" && signal.Words.Contains("keep disconnecting"));
    }

    [Theory]
    [InlineData("is there a student discount")]
    [InlineData("how do I reset the hub")]
    public void An_unmistakable_question_needs_no_question_mark(string text) =>
        Assert.Equal(MessageTypes.Question, Classify(text, "chat", "chat").Type);

    [Fact]
    public void An_emails_sign_off_does_not_count_but_a_comments_thanks_does()
    {
        var email = Classify("Hi,\n\nwhere can I download the manual?\n\nThanks,\nAnna", "email", "email");
        var comment = Classify("Support sorted it out in five minutes. Thanks!", "facebook", "comment");

        Assert.Equal((MessageTypes.Question, SentimentLabels.Neutral), (email.Type, email.SentimentLabel));
        Assert.Equal((MessageTypes.Praise, SentimentLabels.Positive), (comment.Type, comment.SentimentLabel));
    }

    [Fact]
    public void Spam_has_no_topic_and_a_proposal_without_a_subject_is_a_feature_request()
    {
        var spam = Classify("WIN A FREE IPHONE!!! click here", "facebook", "comment");
        var idea = Classify("It would be great if scenes could follow the sun", "community", "post");

        Assert.Equal((MessageTypes.Other, null), (spam.Type, spam.Topic));
        Assert.Equal((MessageTypes.Idea, "feature-request"), (idea.Type, idea.Topic));
    }

    [Theory]
    [InlineData("Where is my parcel? I ordered it last week and the tracking has not changed since.", "en")]
    [InlineData("Ich habe die Lampe gestern bekommen, aber sie funktioniert nicht mit meinem Router.", "de")]
    [InlineData("Je n'arrive pas à connecter la lampe avec mon téléphone, pouvez-vous m'aider ?", "fr")]
    [InlineData("No puedo conectar la lámpara con mi teléfono, ¿qué tengo que hacer?", "es")]
    [InlineData("Ik kan de lamp niet verbinden met mijn telefoon, wat moet ik doen?", "nl")]
    [InlineData("Non riesco a collegare la lampada al mio telefono, cosa devo fare?", "it")]
    [InlineData("Não consigo conectar a lâmpada ao meu telefone, o que devo fazer?", "pt")]
    [InlineData("🔥🔥", "und")]
    [InlineData("12345", "und")]
    [InlineData("Добрый день, лампа не работает", "und")]
    public void Each_supported_language_is_recognised_and_the_rest_is_undetermined(string text, string language) =>
        Assert.Equal(language, Classify(text, "email", "email").Language);

    [Theory]
    [InlineData("The lamp broke and I will contact my lawyer", Urgencies.Critical, "legal threat")]
    [InlineData("The charger started smoking next to my bed", Urgencies.Critical, "safety")]
    [InlineData("Is the app down? Nothing works since this morning, looks like an outage", Urgencies.Critical, "outage")]
    [InlineData("My account was hacked and someone ordered lamps", Urgencies.Critical, "security")]
    [InlineData("I was charged twice for one order", Urgencies.High, "money lost")]
    [InlineData("I'm locked out of my account, please help asap", Urgencies.High, "access lost")]
    [InlineData("Third email about this and still no answer from you", Urgencies.High, "ignored")]
    [InlineData("The bulb flickers a little when dimmed", Urgencies.Normal, null)]
    [InlineData("How do I pair the bulb with the hub?", Urgencies.Normal, null)]
    [InlineData("Love the new lamp, thank you!", Urgencies.Low, null)]
    [InlineData("It would be nice to have a sunrise alarm", Urgencies.Low, null)]
    public void Urgency_rises_with_what_is_at_stake(string text, string urgency, string? rule)
    {
        var classification = Classify(text, "email", "email");

        Assert.Equal(urgency, classification.Urgency);
        if (rule is not null)
        {
            Assert.Contains(classification.Signals, signal => signal.Facet == ClassificationFacets.Urgency && signal.Rule == rule);
        }
    }

    [Fact]
    public void Anger_raises_a_complaint_one_step()
    {
        var calm = Classify("The app crashes when I open the settings.", "x", "mention");
        var angry = Classify("The app crashes AGAIN!!! Absolutely useless garbage 😡", "x", "mention");

        Assert.Equal(Urgencies.Normal, calm.Urgency);
        Assert.Equal(Urgencies.High, angry.Urgency);
    }

    [Fact]
    public void A_public_complaint_to_a_large_following_is_urgent_but_the_same_in_private_is_not()
    {
        const string text = "The app crashes every time I open it";

        Assert.Equal(Urgencies.High, _classifier.Classify(new(text, "x", "mention", Followers: 120_000), TopicCatalogue.Default).Urgency);
        Assert.Equal(Urgencies.Normal, _classifier.Classify(new(text, "x", "dm", Followers: 120_000), TopicCatalogue.Default).Urgency);
        Assert.Equal(Urgencies.Normal, _classifier.Classify(new(text, "x", "mention", Followers: 300), TopicCatalogue.Default).Urgency);
    }

    [Fact]
    public void Signals_name_the_words_that_decided_and_the_explanation_reads_them_out()
    {
        var classification = Classify("Still waiting for my refund, this is unacceptable", "email", "email");

        Assert.Equal(MessageTypes.Complaint, classification.Type);
        Assert.Equal("billing", classification.Topic);
        var type = Assert.Single(classification.Signals, signal => signal.Facet == ClassificationFacets.Type && signal.Rule == "complaint phrases");
        Assert.Contains("still waiting", type.Words);
        Assert.Contains("unacceptable", type.Words);
        Assert.Contains(classification.Signals, signal => signal.Facet == ClassificationFacets.Topic && signal.Words.Contains("refund"));
        Assert.All(ClassificationFacets.All, facet => Assert.Contains(classification.Signals, signal => signal.Facet == facet));

        var explanation = classification.Explain();
        Assert.StartsWith("type complaint: 'still waiting', 'refund', 'unacceptable' (complaint phrases)", explanation);
        Assert.Contains("topic billing: 'refund' (topic keywords).", explanation);
        Assert.Contains("language en:", explanation);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    [InlineData("\0\u0001\u0002\u001b[31m")]
    [InlineData("😀😃😄😁🤣🥲☺️😊😇🙂🙃😉😌😍🥰")]
    [InlineData("👩‍👩‍👧‍👦👍🏽🏳️‍🌈")]
    [InlineData("\u202Egnp.exe \u200F\u200E\u2066")]
    [InlineData("مرحبا، المصباح لا يعمل منذ أمس")]
    [InlineData("שלום, המנורה לא עובדת")]
    [InlineData("灯泡坏了，请帮忙")]
    [InlineData("\uD83D")]
    [InlineData("\uDE00 lone low surrogate \uD800\uD800")]
    [InlineData("e\u0301\u0301\u0301\u0301\u0301 z\u0336a\u0336l\u0336g\u0336o\u0336")]
    [InlineData("@@@@ ### http:// www. :-( ;) <3 ^^ +1 7/10 ¿¡?!")]
    [InlineData("'''''''' ’’’ n't 's")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Any_text_is_classified_without_throwing(string text) =>
        AssertWellFormed(Classify(text, "chat", "chat"));

    [Fact]
    public void Huge_and_null_texts_are_classified_too()
    {
        AssertWellFormed(Classify(string.Concat(Enumerable.Repeat("the app crashes and I want a refund 😡 ", 50_000)), "email", "email"));
        AssertWellFormed(Classify(new string('x', 1_000_000), "email", "email"));
        AssertWellFormed(_classifier.Classify(new ClassificationInput(null!, null!, null!, Rating: 42, Followers: -1), TopicCatalogue.Default));
        AssertWellFormed(_classifier.Classify(new ClassificationInput("refund please", "x", "dm"), new TopicCatalogue([])));
    }

    [Fact]
    public void The_same_message_is_always_classified_the_same_even_in_parallel()
    {
        var messages = LabelledMessages.Load();
        var first = messages.Select(message => _classifier.Classify(message.Input, TopicCatalogue.Default).Explain()).ToList();

        var second = new string[messages.Count];
        Parallel.For(0, messages.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            index => second[index] = _classifier.Classify(messages[index].Input, TopicCatalogue.Default).Explain());

        Assert.Equal(first, second);
        Assert.Equal(first, messages.Select(message => new MessageClassifier().Classify(message.Input, TopicCatalogue.Default).Explain()));
    }

    private MessageClassification Classify(string text, string channel, string kind, int? rating = null) =>
        _classifier.Classify(new ClassificationInput(text, channel, kind, rating), TopicCatalogue.Default);

    private static void AssertWellFormed(MessageClassification classification)
    {
        Assert.Contains(classification.Type, MessageTypes.All.ToList());
        Assert.Contains(classification.SentimentLabel, SentimentLabels.All.ToList());
        Assert.Contains(classification.Urgency, Urgencies.All.ToList());
        Assert.InRange(classification.SentimentScore, -1, 1);
        Assert.True(classification.Topic is null || TopicCatalogue.Default.Find(classification.Topic) is not null);
        Assert.NotEmpty(classification.Explain());
    }
}
