using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Infrastructure.Routing;

namespace SocialEnterprise.Infrastructure.Tests.Routing;

public sealed class RoutingRuleValidationTests
{
    private static readonly Guid SupportAgent = Guid.NewGuid();

    private static readonly RoutingVocabulary Vocabulary = new(
        new HashSet<string> { "support", "legal" }, new HashSet<string> { "privacy", "billing" }, ["standard", "premium", "legal"],
        new Dictionary<Guid, IReadOnlySet<string>> { [SupportAgent] = new HashSet<string> { "support" } });

    [Fact]
    public void A_valid_rule_has_no_errors()
    {
        var errors = RoutingRuleValidation.Validate(Request(
            [new(RoutingFields.Keywords, ["GDPR"]), new(RoutingFields.Topic, ["privacy"]), new(RoutingFields.Influence, ["500"])],
            [new(RoutingActionTypes.Route, Department: "support"), new(RoutingActionTypes.Assign, AssigneeId: SupportAgent)]), Vocabulary);

        Assert.Empty(errors);
    }

    [Fact]
    public void Errors_name_the_condition_or_action_and_its_field()
    {
        var errors = RoutingRuleValidation.Validate(Request(
            [new(RoutingFields.Channel, ["x"]), new("colour", ["red"]), new(RoutingFields.Topic, ["weather"]), new(RoutingFields.Influence, ["many"])],
            [
                new(RoutingActionTypes.Route, Department: "space"), new(RoutingActionTypes.SetPriority, Priority: "asap"),
                new(RoutingActionTypes.ApplySlaPolicy, SlaPolicy: "gold"), new(RoutingActionTypes.AddTags, Tags: [" "]), new("teleport"),
            ]), Vocabulary);

        Assert.Equal(
            ["actions[0].department", "actions[1].priority", "actions[2].slaPolicy", "actions[3].tags", "actions[4].type",
             "conditions[1].field", "conditions[2].values", "conditions[3].values"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_assignee_must_be_in_the_department_the_rule_routes_to()
    {
        var errors = RoutingRuleValidation.Validate(Request(
            [], [new(RoutingActionTypes.Route, Department: "legal"), new(RoutingActionTypes.Assign, AssigneeId: SupportAgent)]), Vocabulary);
        var unknown = RoutingRuleValidation.Validate(Request([], [new(RoutingActionTypes.Assign, AssigneeId: Guid.NewGuid())]), Vocabulary);

        Assert.Contains("legal", Assert.Single(errors["actions[1].assigneeId"]), StringComparison.Ordinal);
        Assert.True(unknown.ContainsKey("actions[0].assigneeId"));
    }

    [Fact]
    public void A_rule_needs_a_name_and_an_action()
    {
        var errors = RoutingRuleValidation.Validate(new RoutingRuleRequest(" ", true, [], [], false), Vocabulary);

        Assert.True(errors.ContainsKey("name"));
        Assert.True(errors.ContainsKey("actions"));
    }

    [Fact]
    public void Business_hours_are_validated_on_start()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["BusinessHours:TimeZone"] = "Nowhere/Atlantis",
                    ["BusinessHours:Opens"] = "18:00",
                    ["BusinessHours:Closes"] = "09:00",
                })
                .Build())
            .AddRoutingRules()
            .BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BusinessHours>>().Value);

        Assert.Contains(failure.Failures, message => message.Contains("Nowhere/Atlantis", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, message => message.Contains("Opens", StringComparison.Ordinal));
    }

    [Fact]
    public void Business_hours_bind_their_days_and_times_from_configuration()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["BusinessHours:TimeZone"] = "Europe/Berlin",
                    ["BusinessHours:OpenDays:0"] = "Saturday",
                    ["BusinessHours:Opens"] = "10:00",
                    ["BusinessHours:Closes"] = "14:00",
                })
                .Build())
            .AddRoutingRules()
            .BuildServiceProvider();

        var hours = services.GetRequiredService<IOptions<BusinessHours>>().Value;

        Assert.Equal([DayOfWeek.Saturday], hours.Days);
        Assert.True(hours.IsOpen(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero))); // 13:00 in Berlin
        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 11, 28, 13, 0, 0, TimeSpan.Zero))); // 14:00 in Berlin
    }

    private static RoutingRuleRequest Request(IReadOnlyList<RoutingCondition?> conditions, IReadOnlyList<RoutingAction?> actions) =>
        new("A rule", true, conditions, actions, false);
}
