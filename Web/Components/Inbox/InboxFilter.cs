using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Staff;

namespace SocialEnterprise.Web.Components.Inbox;

/// <summary>One of the inbox's filters: its choices, and how it reads and sets its part of the query.</summary>
public sealed record InboxFilter(
    string Name, string Label, string AnyValue, string AnyText, IReadOnlyList<(string Value, string Text)> Options,
    Func<InboxQuery, string?> Get, Func<InboxQuery, string?, InboxQuery> Set)
{
    private const string Anyone = "";

    public string TextOf(string? value) =>
        value is null || value == AnyValue ? AnyText : Options.FirstOrDefault(option => option.Value == value).Text ?? value;

    /// <summary>The filters in the order the page shows them; staff and topics as far as they could be loaded.</summary>
    public static List<InboxFilter> All(IReadOnlyList<StaffMemberView> staff, IReadOnlyList<TopicView> topics) =>
    [
        new("status", "Status", Anyone, "Any status", [.. ConversationStatuses.All.Order().Select(s => (s, Words(s)))],
            q => q.Status, (q, v) => q with { Status = v }),
        new("assignee", "Assignee", Anyone, "Anyone",
            [(InboxAssignees.Me, "Me"), (InboxAssignees.None, "Unassigned"), .. staff.Select(s => (s.Id.ToString(), s.DisplayName))],
            q => q.Assignee, (q, v) => q with { Assignee = v }),
        new("sla", "Response", Anyone, "Any SLA",
            [(ServiceLevelStates.OnTrack, "On track"), (ServiceLevelStates.AtRisk, "At risk"), (ServiceLevelStates.Breached, "Breached"), (ServiceLevelStates.None, "No clock")],
            q => q.Sla, (q, v) => q with { Sla = v }),
        new("priority", "Priority", Anyone, "Any priority", [.. Priorities.All.Reverse().Select(p => (p, Words(p)))],
            q => q.Priority, (q, v) => q with { Priority = v }),
        new("department", "Department", Anyone, "Any department", [.. Departments.Standard.Select(d => (d.Id, d.Name))],
            q => q.Department, (q, v) => q with { Department = v }),
        new("channel", "Channel", Anyone, "Any channel", [.. IngestChannels.All.Order().Select(c => (c, c))],
            q => q.Channel, (q, v) => q with { Channel = v }),
        new("type", "Type", Anyone, "Any type", [.. MessageTypes.All.Order().Select(t => (t, Words(t)))],
            q => q.Type, (q, v) => q with { Type = v }),
        new("sentiment", "Sentiment", Anyone, "Any sentiment", [.. SentimentLabels.All.Order().Select(s => (s, Words(s)))],
            q => q.Sentiment, (q, v) => q with { Sentiment = v }),
        new("topic", "Topic", Anyone, "Any topic", [.. topics.Select(t => (t.Key, t.Name))],
            q => q.Topic, (q, v) => q with { Topic = v }),
        new("sort", "Order", InboxSorts.Activity, "Newest activity", [(InboxSorts.Waiting, "Longest waiting"), (InboxSorts.Due, "Due soonest")],
            q => q.Sort, (q, v) => q with { Sort = v }),
    ];

    private static string Words(string value) => value.Length == 0 ? value : char.ToUpperInvariant(value[0]) + value[1..];
}
