using System.Globalization;
using System.Text.RegularExpressions;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Routing;

namespace SocialEnterprise.Domain.Routing;

/// <summary>What the routing rules look at: a new conversation's first message, its classification and its customer.</summary>
public sealed record RoutingInput(
    string Text, string Channel, string Kind, MessageClassification Classification, string CustomerTier, int Influence, DateTimeOffset At);

/// <summary>
/// What the rules decided; what they left open (null) the default routing decides. <see cref="Outcomes"/> say which
/// rule decided what and why.
/// </summary>
public sealed record RuleDecision(
    string? Department, string? Priority, IReadOnlyList<string> Tags, string? SlaPolicy, Guid? AssigneeId, bool MarkVip,
    IReadOnlyList<Guid> MatchedRuleIds, IReadOnlyList<RuleEvaluation> Evaluations, IReadOnlyList<RuleOutcome> Outcomes)
{
    public static readonly RuleDecision None = new(null, null, [], null, null, false, [], [], []);

    /// <summary>
    /// The routing of a new conversation: the rules' decisions, the default routing for what they left open, and the
    /// reason in words. An assignee outside the final department is left out (and the reason says so).
    /// </summary>
    public Conversations.Routing Complete(Conversations.Routing defaults, string defaultDepartmentReason, string defaultPriorityReason, Func<Guid, string, bool> isMember)
    {
        var department = Department ?? defaults.Department;
        var priority = Priority ?? defaults.Priority;
        if (Outcomes.Count == 0)
        {
            // No rule decided anything: the default routing's own words, as before there were rules.
            return new Conversations.Routing(department, priority, $"{defaultDepartmentReason}; priority {priority}: {defaultPriorityReason}", RuleIds: MatchedRuleIds);
        }

        var parts = new List<string>();
        parts.Add(Outcomes.FirstOrDefault(o => o.What == RoutingActionTypes.Route) is { } routed
            ? $"Routed to {department} by {routed.By}"
            : $"Routed to {department}: {defaultDepartmentReason}");
        parts.Add(Outcomes.FirstOrDefault(o => o.What == RoutingActionTypes.SetPriority) is { } prioritised
            ? $"priority {priority} by {prioritised.By}"
            : $"priority {priority}: {defaultPriorityReason}");
        if (SlaPolicy is not null && Outcomes.FirstOrDefault(o => o.What == RoutingActionTypes.ApplySlaPolicy) is { } sla)
        {
            parts.Add($"SLA policy {SlaPolicy} by {sla.By}");
        }

        Guid? assignee = null;
        if (AssigneeId is { } candidate && Outcomes.FirstOrDefault(o => o.What == RoutingActionTypes.Assign) is { } assigned)
        {
            if (isMember(candidate, department))
            {
                assignee = candidate;
                parts.Add($"assigned by {assigned.By}");
            }
            else
            {
                parts.Add($"not assigned as {assigned.By} asked: the assignee is not in {department}");
            }
        }

        foreach (var tagged in Outcomes.Where(o => o.What == RoutingActionTypes.AddTags))
        {
            parts.Add($"tagged {tagged.Value} by {tagged.By}");
        }

        if (Outcomes.FirstOrDefault(o => o.What == RoutingActionTypes.MarkVip) is { } vip)
        {
            parts.Add($"customer marked VIP by {vip.By}");
        }

        return new Conversations.Routing(department, priority, string.Join("; ", parts), Tags, SlaPolicy, assignee, MatchedRuleIds);
    }
}

/// <summary>One decision a rule made: what (an action type), the value, and "rule “X” (#2) because …".</summary>
public sealed record RuleOutcome(string What, string Value, string By);

/// <summary>
/// Evaluates the routing rules in order. Every enabled rule whose conditions all hold applies its actions; for a
/// single-valued outcome (department, priority, SLA policy, assignee) the first rule that sets it wins, tags add up,
/// and a rule that stops after matching ends the evaluation. Pure: the rules, business hours and input are all given.
/// </summary>
public sealed class RoutingEngine
{
    private static readonly TimeSpan KeywordTimeout = TimeSpan.FromMilliseconds(50);

    private readonly IReadOnlyList<CompiledRule> _rules;
    private readonly BusinessHours _hours;

    public RoutingEngine(IEnumerable<RoutingRule> rules, BusinessHours hours)
    {
        // Escalation rules are tried on a clock's moments (see EscalationEngine), not on a new conversation.
        _rules = [.. rules.Where(rule => rule.Trigger == RoutingTriggers.Opened).OrderBy(rule => rule.Position).ThenBy(rule => rule.CreatedAt).Select(rule => new CompiledRule(rule))];
        _hours = hours;
    }

    public static RoutingEngine Empty(BusinessHours hours) => new([], hours);

    public IReadOnlyList<RoutingRule> Rules => [.. _rules.Select(compiled => compiled.Rule)];

    public RuleDecision Evaluate(RoutingInput input)
    {
        if (_rules.Count == 0)
        {
            return RuleDecision.None;
        }

        string? department = null, priority = null, slaPolicy = null;
        Guid? assignee = null;
        var markVip = false;
        var tags = new List<string>();
        var matched = new List<Guid>();
        var evaluations = new List<RuleEvaluation>();
        var outcomes = new List<RuleOutcome>();
        var stopped = false;

        foreach (var compiled in _rules)
        {
            var rule = compiled.Rule;
            if (stopped)
            {
                evaluations.Add(new RuleEvaluation(rule.Id, rule.Name, rule.Position, rule.Enabled, false, [], "not tried: an earlier rule stopped the evaluation", false));
                continue;
            }

            if (!rule.Enabled)
            {
                evaluations.Add(new RuleEvaluation(rule.Id, rule.Name, rule.Position, false, false, [], "switched off", false));
                continue;
            }

            var reasons = new List<string>();
            string? failed = null;
            foreach (var (condition, index) in rule.Conditions.Select((condition, index) => (condition, index)))
            {
                var (holds, why) = Check(condition, compiled.Keywords[index], input);
                if (!holds)
                {
                    failed = why;
                    break;
                }

                reasons.Add(why);
            }

            if (failed is not null)
            {
                evaluations.Add(new RuleEvaluation(rule.Id, rule.Name, rule.Position, true, false, reasons, failed, false));
                continue;
            }

            matched.Add(rule.Id);
            var by = $"rule “{rule.Name}” (#{rule.Position})" + (reasons.Count == 0 ? "" : $" because {string.Join(" and ", reasons)}");
            foreach (var action in rule.Actions)
            {
                switch (action.Type)
                {
                    case RoutingActionTypes.Route when department is null && action.Department is { } value:
                        department = value;
                        outcomes.Add(new RuleOutcome(action.Type, value, by));
                        break;
                    case RoutingActionTypes.SetPriority when priority is null && action.Priority is { } value:
                        priority = value;
                        outcomes.Add(new RuleOutcome(action.Type, value, by));
                        break;
                    case RoutingActionTypes.ApplySlaPolicy when slaPolicy is null && action.SlaPolicy is { } value:
                        slaPolicy = value;
                        outcomes.Add(new RuleOutcome(action.Type, value, by));
                        break;
                    case RoutingActionTypes.Assign when assignee is null && action.AssigneeId is { } value:
                        assignee = value;
                        outcomes.Add(new RuleOutcome(action.Type, value.ToString(), by));
                        break;
                    case RoutingActionTypes.AddTags when action.Tags is { Count: > 0 } added:
                        var fresh = added.Where(tag => !tags.Contains(tag, StringComparer.Ordinal)).ToList();
                        tags.AddRange(fresh);
                        if (fresh.Count > 0)
                        {
                            outcomes.Add(new RuleOutcome(action.Type, string.Join(", ", fresh), by));
                        }

                        break;
                    case RoutingActionTypes.MarkVip when !markVip:
                        markVip = true;
                        outcomes.Add(new RuleOutcome(action.Type, "vip", by));
                        break;
                }
            }

            stopped = rule.StopAfterMatch;
            evaluations.Add(new RuleEvaluation(rule.Id, rule.Name, rule.Position, true, true, reasons, null, stopped));
        }

        return new RuleDecision(department, priority, tags, slaPolicy, assignee, markVip, matched, evaluations, outcomes);
    }

    private (bool Holds, string Why) Check(RoutingCondition condition, Regex? keywords, RoutingInput input)
    {
        var classification = input.Classification;
        return condition.Field switch
        {
            RoutingFields.Channel => OneOf("channel", input.Channel, condition.Values),
            RoutingFields.Kind => OneOf("kind", input.Kind, condition.Values),
            RoutingFields.Type => OneOf("type", classification.Type, condition.Values),
            RoutingFields.Sentiment => OneOf("sentiment", classification.SentimentLabel, condition.Values),
            RoutingFields.Topic => OneOf("topic", classification.Topic ?? "none", condition.Values),
            RoutingFields.Language => OneOf("language", classification.Language, condition.Values),
            RoutingFields.CustomerTier => OneOf("tier", input.CustomerTier, condition.Values),
            RoutingFields.Keywords => Keyword(keywords, input.Text, condition.Values),
            RoutingFields.Influence => Influence(input.Influence, condition.Values),
            RoutingFields.BusinessHours => Hours(input.At, condition.Values),
            _ => (false, $"unknown condition {condition.Field}"),
        };
    }

    private static (bool, string) OneOf(string name, string actual, IReadOnlyList<string> accepted) =>
        accepted.Contains(actual, StringComparer.OrdinalIgnoreCase)
            ? (true, $"{name} {actual}")
            : (false, $"{name} is {actual}, not {string.Join(" or ", accepted)}");

    private static (bool, string) Keyword(Regex? keywords, string text, IReadOnlyList<string> words)
    {
        Match? match = null;
        try
        {
            match = keywords?.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological text: the keywords count as absent rather than holding up the intake.
        }

        return match is { Success: true }
            ? (true, $"keyword “{match.Value}”")
            : (false, $"none of the keywords {string.Join(", ", words.Select(word => $"“{word}”"))} appears");
    }

    private static (bool, string) Influence(int influence, IReadOnlyList<string> values)
    {
        var minimum = values.Count > 0 && int.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
        var shown = influence.ToString("N0", CultureInfo.InvariantCulture);
        return influence >= minimum
            ? (true, $"{shown} followers")
            : (false, $"{shown} followers, fewer than {minimum.ToString("N0", CultureInfo.InvariantCulture)}");
    }

    private (bool, string) Hours(DateTimeOffset at, IReadOnlyList<string> values)
    {
        var open = _hours.IsOpen(at);
        var wanted = values.Count > 0 ? values[0] : BusinessHoursStates.Inside;
        var actual = open ? BusinessHoursStates.Inside : BusinessHoursStates.Outside;
        return string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase)
            ? (true, $"{actual} business hours")
            : (false, $"the message came {actual} business hours");
    }

    /// <summary>Keywords as one pattern: any of the words or phrases, as whole words, ignoring case.</summary>
    public static Regex? KeywordPattern(IReadOnlyList<string> words) =>
        words.Count == 0
            ? null
            : new Regex(
                $@"(?<![\p{{L}}\p{{N}}_])(?:{string.Join("|", words.Select(Regex.Escape))})(?![\p{{L}}\p{{N}}_])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, KeywordTimeout);

    private sealed class CompiledRule(RoutingRule rule)
    {
        public RoutingRule Rule { get; } = rule;

        /// <summary>Per condition, its keyword pattern (keyword conditions only).</summary>
        public IReadOnlyList<Regex?> Keywords { get; } =
            [.. rule.Conditions.Select(condition => condition.Field == RoutingFields.Keywords ? KeywordPattern(condition.Values) : null)];
    }
}
