using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Filtering;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Filtering;
using SocialEnterprise.Domain.Listening;

namespace SocialEnterprise.Domain.Tests.Filtering;

public sealed class NoiseFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_default_rules_drop_spam_and_public_banter_and_explain_which_rule()
    {
        var filter = new NoiseFilter(DefaultNoiseRules.Create(Now));

        var spam = filter.Judge("x", Event("Crypto giveaway: double your bitcoin today!"), Classified(MessageTypes.Other));
        var follow = filter.Judge("x", Event("follow 4 follow!!"), Classified(MessageTypes.Other));
        var banter = filter.Judge("x", Event("lol"), Classified(MessageTypes.Other));
        var complaint = filter.Judge("x", Event("My order is late"), Classified(MessageTypes.Complaint));

        Assert.True(spam.IsNoise);
        Assert.Contains("crypto giveaway", spam.Reason, StringComparison.Ordinal);
        Assert.True(follow.IsNoise);
        Assert.Equal(NoiseRuleKinds.Banter, banter.Rule?.Kind);
        Assert.False(complaint.IsNoise);
        Assert.Null(complaint.Rule);
    }

    [Theory]
    [InlineData(MessageKinds.DirectMessage, false)]
    [InlineData(MessageKinds.Email, false)]
    [InlineData(MessageKinds.Chat, false)]
    [InlineData(MessageKinds.Mention, true)]
    [InlineData(MessageKinds.Comment, true)]
    public void Banter_is_only_dropped_in_public_and_never_inside_a_conversation_under_way(string kind, bool dropped)
    {
        var filter = new NoiseFilter(DefaultNoiseRules.Create(Now));

        Assert.Equal(dropped, filter.Judge("x", Event("haha ok", kind: kind), Classified(MessageTypes.Other)).IsNoise);
        Assert.False(filter.Judge("x", Event("haha ok", kind: kind), Classified(MessageTypes.Other), continuesConversation: true).IsNoise);
    }

    [Fact]
    public void Keep_rules_win_over_drop_rules()
    {
        var filter = new NoiseFilter([
            .. DefaultNoiseRules.Create(Now),
            NoiseRule.New(NoiseRuleKinds.VipAuthor, "@journalist", "press", true, "admin", Now),
            NoiseRule.New(NoiseRuleKinds.BlockedAuthor, "@journalist", "mistake", true, "admin", Now),
        ]);

        var verdict = filter.Judge("x", Event("crypto giveaway double your bitcoin lol", handle: "Journalist"), Classified(MessageTypes.Other));

        Assert.False(verdict.IsNoise);
        Assert.Equal(NoiseRuleKinds.VipAuthor, verdict.Rule?.Kind);
    }

    [Fact]
    public void An_author_rule_may_name_its_channel_and_a_keyword_matches_whole_words_without_case_or_accents()
    {
        var filter = new NoiseFilter([
            NoiseRule.New(NoiseRuleKinds.BlockedAuthor, "facebook:@troll", "", true, "admin", Now),
            NoiseRule.New(NoiseRuleKinds.BlockedKeyword, "cafe", "", true, "admin", Now),
        ]);

        Assert.True(filter.Judge("facebook", Event("hi", handle: "@TROLL"), Classified(MessageTypes.Question)).IsNoise);
        Assert.False(filter.Judge("x", Event("hi", handle: "troll"), Classified(MessageTypes.Question)).IsNoise);
        Assert.True(filter.Judge("x", Event("Best CAFÉ in town?"), Classified(MessageTypes.Question)).IsNoise);
        Assert.False(filter.Judge("x", Event("Is the cafeteria open?"), Classified(MessageTypes.Question)).IsNoise);
    }

    [Fact]
    public void Switched_off_rules_do_nothing_and_invalid_patterns_are_refused_before_saving()
    {
        var filter = new NoiseFilter([NoiseRule.New(NoiseRuleKinds.BlockedKeyword, "refund", "", false, "admin", Now)]);

        Assert.False(filter.Judge("x", Event("refund please"), Classified(MessageTypes.Question)).IsNoise);
        Assert.Contains("pattern", NoiseRule.Validate(NoiseRuleKinds.SpamPattern, "(unclosed", null).Keys);
        Assert.Contains("pattern", NoiseRule.Validate(NoiseRuleKinds.BlockedAuthor, " ", null).Keys);
        Assert.Contains("kind", NoiseRule.Validate("sometimes", "x", null).Keys);
        Assert.Empty(NoiseRule.Validate(NoiseRuleKinds.Banter, null, null));
    }

    [Fact]
    public void A_catastrophic_pattern_times_out_instead_of_stalling_the_pipeline()
    {
        var filter = new NoiseFilter([NoiseRule.New(NoiseRuleKinds.SpamPattern, "^(a+)+$", "evil", true, "admin", Now)]);

        var verdict = filter.Judge("x", Event(new string('a', 40) + "!"), Classified(MessageTypes.Question));

        Assert.False(verdict.IsNoise);
    }

    private static IngestEventRequest Event(string text, string handle = "someone", string kind = MessageKinds.Mention) => new()
    {
        ExternalId = "1",
        Kind = kind,
        Author = new IngestAuthor { Handle = handle, DisplayName = "Some One" },
        Text = text,
        OccurredAt = Now,
    };

    private static MessageClassification Classified(string type) =>
        new(type, 0, SentimentLabels.Neutral, null, "en", Urgencies.Normal, []);
}
