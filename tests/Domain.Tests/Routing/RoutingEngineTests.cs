using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Routing;

namespace SocialEnterprise.Domain.Tests.Routing;

public sealed class RoutingEngineTests
{
    // A Tuesday, 10:00 UTC: inside the default hours (Monday to Friday, 09:00 to 17:00, UTC).
    private static readonly DateTimeOffset Tuesday10 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly BusinessHours Hours = new();

    [Fact]
    public void Rules_are_tried_in_position_order_whatever_order_they_come_in()
    {
        var second = Rule("Second", 2, [When(RoutingFields.Channel, "x")], [RouteTo("sales")]);
        var first = Rule("First", 1, [When(RoutingFields.Channel, "x")], [RouteTo("legal")]);

        var decision = new RoutingEngine([second, first], Hours).Evaluate(Input("hello"));

        Assert.Equal("legal", decision.Department);
        Assert.Equal([first.Id, second.Id], decision.MatchedRuleIds);
        Assert.Equal(["First", "Second"], decision.Evaluations.Select(e => e.Name));
    }

    [Fact]
    public void The_first_matching_rule_that_sets_a_single_valued_outcome_wins_and_tags_accumulate()
    {
        var first = Rule("First", 1, [], [RouteTo("legal"), Tags("gdpr"), new RoutingAction(RoutingActionTypes.ApplySlaPolicy, SlaPolicy: "legal")]);
        var second = Rule("Second", 2, [], [
            RouteTo("sales"), new RoutingAction(RoutingActionTypes.SetPriority, Priority: Priorities.High), Tags("gdpr", "press"),
            new RoutingAction(RoutingActionTypes.ApplySlaPolicy, SlaPolicy: "premium"),
        ]);

        var decision = new RoutingEngine([first, second], Hours).Evaluate(Input("hello"));

        Assert.Equal("legal", decision.Department);
        Assert.Equal(Priorities.High, decision.Priority);
        Assert.Equal("legal", decision.SlaPolicy);
        Assert.Equal(["gdpr", "press"], decision.Tags);
    }

    [Fact]
    public void A_rule_that_stops_after_matching_ends_the_evaluation_but_one_that_does_not_match_does_not()
    {
        var unmatchedStopper = Rule("Never", 1, [When(RoutingFields.Channel, "email")], [RouteTo("sales")], stop: true);
        var stopper = Rule("Stopper", 2, [], [Tags("first")], stop: true);
        var after = Rule("After", 3, [], [RouteTo("legal")]);

        var decision = new RoutingEngine([unmatchedStopper, stopper, after], Hours).Evaluate(Input("hello"));

        Assert.Null(decision.Department);
        Assert.Equal(["first"], decision.Tags);
        Assert.Equal([stopper.Id], decision.MatchedRuleIds);
        Assert.True(decision.Evaluations.Single(e => e.Name == "Stopper").Stopped);
        Assert.Contains("not tried", decision.Evaluations.Single(e => e.Name == "After").FailedCondition, StringComparison.Ordinal);
    }

    [Fact]
    public void A_switched_off_rule_is_skipped()
    {
        var off = Rule("Off", 1, [], [RouteTo("legal")], enabled: false);

        var decision = new RoutingEngine([off], Hours).Evaluate(Input("hello"));

        Assert.Null(decision.Department);
        Assert.Empty(decision.MatchedRuleIds);
        Assert.Equal("switched off", decision.Evaluations.Single().FailedCondition);
    }

    [Fact]
    public void All_conditions_must_hold_and_the_first_that_fails_is_named()
    {
        var rule = Rule("Both", 1, [When(RoutingFields.Channel, "x"), When(RoutingFields.Type, MessageTypes.Idea)], [RouteTo("product")]);

        var decision = new RoutingEngine([rule], Hours).Evaluate(Input("hello", type: MessageTypes.Complaint));

        var evaluation = decision.Evaluations.Single();
        Assert.False(evaluation.Matched);
        Assert.Equal(["channel x"], evaluation.Reasons);
        Assert.Equal("type is complaint, not idea", evaluation.FailedCondition);
    }

    [Theory]
    [InlineData(RoutingFields.Channel, "facebook", "x", false)]
    [InlineData(RoutingFields.Channel, "facebook,x", "x", true)]
    [InlineData(RoutingFields.Kind, "dm", "mention", false)]
    [InlineData(RoutingFields.Kind, "mention", "mention", true)]
    [InlineData(RoutingFields.Type, "question", "complaint", false)]
    [InlineData(RoutingFields.Type, "complaint", "complaint", true)]
    [InlineData(RoutingFields.Sentiment, "positive", "negative", false)]
    [InlineData(RoutingFields.Sentiment, "negative,neutral", "negative", true)]
    [InlineData(RoutingFields.Topic, "billing", "privacy", false)]
    [InlineData(RoutingFields.Topic, "privacy", "privacy", true)]
    [InlineData(RoutingFields.Language, "de", "en", false)]
    [InlineData(RoutingFields.Language, "en", "en", true)]
    [InlineData(RoutingFields.CustomerTier, "vip", "standard", false)]
    [InlineData(RoutingFields.CustomerTier, "standard", "standard", true)]
    public void One_of_conditions_compare_the_facet_with_the_accepted_values(string field, string accepted, string actual, bool holds)
    {
        var rule = Rule("R", 1, [When(field, accepted.Split(','))], [RouteTo("legal")]);
        var input = field switch
        {
            RoutingFields.Channel => Input("hello", channel: actual),
            RoutingFields.Kind => Input("hello", kind: actual),
            RoutingFields.Type => Input("hello", type: actual),
            RoutingFields.Sentiment => Input("hello", sentiment: actual),
            RoutingFields.Topic => Input("hello", topic: actual),
            RoutingFields.Language => Input("hello", language: actual),
            _ => Input("hello", tier: actual),
        };

        Assert.Equal(holds, new RoutingEngine([rule], Hours).Evaluate(input).Department == "legal");
    }

    [Theory]
    [InlineData("I want my GDPR data", true)]
    [InlineData("i want my gdpr data", true)]
    [InlineData("Please send a data request form", true)]
    [InlineData("GDPRish nonsense", false)]
    [InlineData("my data, request handled", false)]
    public void Keywords_match_any_word_or_phrase_as_whole_words_ignoring_case(string text, bool holds)
    {
        var rule = Rule("GDPR", 1, [When(RoutingFields.Keywords, "GDPR", "data request")], [RouteTo("legal")]);

        var decision = new RoutingEngine([rule], Hours).Evaluate(Input(text));

        Assert.Equal(holds, decision.Department == "legal");
    }

    [Theory]
    [InlineData(9_999, false)]
    [InlineData(10_000, true)]
    [InlineData(250_000, true)]
    public void Influence_holds_from_the_given_number_of_followers(int followers, bool holds)
    {
        var rule = Rule("Loud", 1, [When(RoutingFields.Influence, "10000")], [RouteTo("marketing")]);

        Assert.Equal(holds, new RoutingEngine([rule], Hours).Evaluate(Input("hello", influence: followers)).Department == "marketing");
    }

    [Theory]
    [InlineData("2026-11-24T10:00:00Z", BusinessHoursStates.Inside, true)] // Tuesday 10:00
    [InlineData("2026-11-24T10:00:00Z", BusinessHoursStates.Outside, false)]
    [InlineData("2026-11-24T17:00:00Z", BusinessHoursStates.Outside, true)] // closing time is outside
    [InlineData("2026-11-24T08:59:00Z", BusinessHoursStates.Outside, true)]
    [InlineData("2026-11-28T10:00:00Z", BusinessHoursStates.Outside, true)] // Saturday
    [InlineData("2026-11-28T10:00:00Z", BusinessHoursStates.Inside, false)]
    public void Business_hours_are_the_configured_days_and_times(string at, string wanted, bool holds)
    {
        var rule = Rule("Night shift", 1, [When(RoutingFields.BusinessHours, wanted)], [RouteTo("support")]);

        var decision = new RoutingEngine([rule], Hours).Evaluate(Input("hello", at: DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(holds, decision.Department == "support");
    }

    [Fact]
    public void Business_hours_are_read_in_the_company_time_zone()
    {
        var tokyo = new BusinessHours { TimeZone = "Asia/Tokyo", OpenDays = [DayOfWeek.Tuesday], Opens = new(9, 0), Closes = new(17, 0) };
        var rule = Rule("Inside", 1, [When(RoutingFields.BusinessHours, BusinessHoursStates.Inside)], [RouteTo("sales")]);

        // 01:00 UTC on Tuesday is 10:00 in Tokyo; 10:00 UTC is 19:00 there.
        Assert.Equal("sales", new RoutingEngine([rule], tokyo).Evaluate(Input("hi", at: new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero))).Department);
        Assert.Null(new RoutingEngine([rule], tokyo).Evaluate(Input("hi", at: Tuesday10)).Department);
    }

    [Fact]
    public void Every_action_is_applied()
    {
        var assignee = Guid.NewGuid();
        var rule = Rule("All", 1, [], [
            RouteTo("legal"),
            new RoutingAction(RoutingActionTypes.SetPriority, Priority: Priorities.Urgent),
            Tags("gdpr"),
            new RoutingAction(RoutingActionTypes.ApplySlaPolicy, SlaPolicy: "legal"),
            new RoutingAction(RoutingActionTypes.Assign, AssigneeId: assignee),
            new RoutingAction(RoutingActionTypes.MarkVip),
        ]);

        var decision = new RoutingEngine([rule], Hours).Evaluate(Input("hello"));

        Assert.Equal("legal", decision.Department);
        Assert.Equal(Priorities.Urgent, decision.Priority);
        Assert.Equal(["gdpr"], decision.Tags);
        Assert.Equal("legal", decision.SlaPolicy);
        Assert.Equal(assignee, decision.AssigneeId);
        Assert.True(decision.MarkVip);
    }

    [Fact]
    public void The_reason_names_the_rule_its_number_and_the_conditions_that_held()
    {
        var rule = Rule("GDPR requests", 2, [When(RoutingFields.Keywords, "GDPR"), When(RoutingFields.Topic, "privacy")], [
            RouteTo("legal"), new RoutingAction(RoutingActionTypes.SetPriority, Priority: Priorities.High),
        ]);
        var decision = new RoutingEngine([rule], Hours).Evaluate(Input("My GDPR rights", topic: "privacy"));

        var routing = decision.Complete(Defaults("support"), "no topic matched", "urgency normal", (_, _) => true);

        Assert.Equal(
            "Routed to legal by rule “GDPR requests” (#2) because keyword “GDPR” and topic privacy; "
            + "priority high by rule “GDPR requests” (#2) because keyword “GDPR” and topic privacy",
            routing.Reason);
        Assert.Equal([rule.Id], routing.RuleIds);
    }

    [Fact]
    public void What_no_rule_decides_the_default_routing_decides()
    {
        var rule = Rule("Tag only", 1, [], [Tags("seen")]);
        var decision = new RoutingEngine([rule], Hours).Evaluate(Input("hello"));

        var routing = decision.Complete(Defaults("billing"), "topic Billing belongs to billing", "urgency normal", (_, _) => true);

        Assert.Equal("billing", routing.Department);
        Assert.Equal(Priorities.Normal, routing.Priority);
        Assert.StartsWith("Routed to billing: topic Billing belongs to billing; priority normal: urgency normal", routing.Reason, StringComparison.Ordinal);
        Assert.Equal(["seen"], routing.Tags);
    }

    [Fact]
    public void An_assignee_outside_the_final_department_is_left_out_and_the_reason_says_so()
    {
        var assignee = Guid.NewGuid();
        var rule = Rule("Assign", 1, [], [new RoutingAction(RoutingActionTypes.Assign, AssigneeId: assignee)]);
        var decision = new RoutingEngine([rule], Hours).Evaluate(Input("hello"));

        var outside = decision.Complete(Defaults("support"), "d", "p", (_, department) => department == "legal");
        var inside = decision.Complete(Defaults("support"), "d", "p", (id, department) => id == assignee && department == "support");

        Assert.Null(outside.AssigneeId);
        Assert.Contains("not in support", outside.Reason, StringComparison.Ordinal);
        Assert.Equal(assignee, inside.AssigneeId);
    }

    [Fact]
    public void Without_rules_the_reason_is_the_default_routing_own_words()
    {
        var decision = RoutingEngine.Empty(Hours).Evaluate(Input("hello"));

        var routing = decision.Complete(Defaults("support"), "no topic matched: support answers first", "urgency normal", (_, _) => true);

        Assert.Equal("no topic matched: support answers first; priority normal: urgency normal", routing.Reason);
    }

    private static SocialEnterprise.Domain.Conversations.Routing Defaults(string department) => new(department, Priorities.Normal, "");

    private static RoutingRule Rule(
        string name, int position, IReadOnlyList<RoutingCondition> conditions, IReadOnlyList<RoutingAction> actions, bool stop = false, bool enabled = true) =>
        RoutingRule.New(name, position, enabled, conditions, actions, stop, "test", Tuesday10);

    private static RoutingCondition When(string field, params string[] values) => new(field, values);

    private static RoutingAction RouteTo(string department) => new(RoutingActionTypes.Route, Department: department);

    private static RoutingAction Tags(params string[] tags) => new(RoutingActionTypes.AddTags, Tags: tags);

    private static RoutingInput Input(
        string text, string channel = "x", string kind = "mention", string type = MessageTypes.Question, string sentiment = SentimentLabels.Neutral,
        string? topic = null, string language = "en", string tier = CustomerTiers.Standard, int influence = 0, DateTimeOffset? at = null) =>
        new(text, channel, kind, new MessageClassification(type, 0, sentiment, topic, language, Urgencies.Normal, []), tier, influence, at ?? Tuesday10);
}
