using System.Globalization;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Staff;

namespace SocialEnterprise.Contracts.Conversations;

/// <summary>
/// What an inbox shows: its filters, search and order. The Api reads it from the query string, the workspace writes
/// it there, and a saved view stores it in the same form, so the three can never disagree.
/// </summary>
public sealed record InboxQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxSearchLength = 200;

    /// <summary>Words searched in every message's text (PostgreSQL web-search syntax: "quoted phrases", -excluded, or).</summary>
    public string? Q { get; init; }

    public string? Channel { get; init; }

    public string? Status { get; init; }

    public string? Department { get; init; }

    public string? Type { get; init; }

    public string? Sentiment { get; init; }

    public string? Priority { get; init; }

    /// <summary><c>me</c>, <c>none</c> (unassigned) or a staff member's id.</summary>
    public string? Assignee { get; init; }

    public string? Topic { get; init; }

    /// <summary>One of <see cref="ServiceLevelStates"/>.</summary>
    public string? Sla { get; init; }

    public Guid? CustomerId { get; init; }

    /// <summary>One of <see cref="InboxSorts"/>; newest activity first when absent.</summary>
    public string? Sort { get; init; }

    public static readonly IReadOnlyList<string> Fields =
        ["q", "channel", "status", "department", "type", "sentiment", "priority", "assignee", "topic", "sla", "customerId", "sort"];

    /// <summary>Every problem with the query, by the name of the parameter at fault.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        OneOf(errors, "channel", Channel, IngestChannels.All);
        OneOf(errors, "status", Status, ConversationStatuses.All);
        OneOf(errors, "department", Department, Departments.Ids);
        OneOf(errors, "type", Type, MessageTypes.All);
        OneOf(errors, "sentiment", Sentiment, SentimentLabels.All);
        OneOf(errors, "priority", Priority, Priorities.All);
        OneOf(errors, "sla", Sla, ServiceLevelStates.All);
        OneOf(errors, "sort", Sort, InboxSorts.All);
        if (Assignee is not (null or InboxAssignees.Me or InboxAssignees.None) && !Guid.TryParse(Assignee, out _))
        {
            errors["assignee"] = ["me, none or a staff member's id."];
        }

        if (Topic is { Length: > 40 })
        {
            errors["topic"] = ["At most 40 characters."];
        }

        if (Q is { Length: > MaxSearchLength })
        {
            errors["q"] = [$"At most {MaxSearchLength} characters."];
        }

        return errors;
    }

    /// <summary>The query as URL parameters, in a fixed order, without the empty ones.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        foreach (var (name, value) in Pairs())
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        return string.Join('&', parts);
    }

    /// <summary>Reads a query string written by <see cref="ToQueryString"/> (or typed by hand); unknown names are ignored.</summary>
    public static InboxQuery Parse(string? queryString)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (queryString ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(separator < 0 ? part : part[..separator]);
            var value = separator < 0 ? "" : Uri.UnescapeDataString(part[(separator + 1)..].Replace('+', ' '));
            if (value.Length > 0)
            {
                values[name] = value;
            }
        }

        string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;
        return new InboxQuery
        {
            Q = Get("q"),
            Channel = Get("channel"),
            Status = Get("status"),
            Department = Get("department"),
            Type = Get("type"),
            Sentiment = Get("sentiment"),
            Priority = Get("priority"),
            Assignee = Get("assignee"),
            Topic = Get("topic"),
            Sla = Get("sla"),
            CustomerId = Guid.TryParse(Get("customerId"), out var customerId) ? customerId : null,
            Sort = Get("sort"),
        };
    }

    private IEnumerable<(string Name, string? Value)> Pairs() =>
    [
        ("q", Q), ("channel", Channel), ("status", Status), ("department", Department), ("type", Type), ("sentiment", Sentiment),
        ("priority", Priority), ("assignee", Assignee), ("topic", Topic), ("sla", Sla),
        ("customerId", CustomerId?.ToString("D", CultureInfo.InvariantCulture)), ("sort", Sort),
    ];

    private static void OneOf(Dictionary<string, string[]> errors, string name, string? value, IEnumerable<string> allowed)
    {
        var options = allowed.ToList();
        if (value is not null && !options.Contains(value, StringComparer.Ordinal))
        {
            errors[name] = [$"One of: {string.Join(", ", options)}."];
        }
    }
}

public static class InboxSorts
{
    /// <summary>Newest activity first.</summary>
    public const string Activity = "activity";

    /// <summary>Longest waiting first.</summary>
    public const string Waiting = "waiting";

    /// <summary>Soonest response due first.</summary>
    public const string Due = "due";

    public static readonly IReadOnlyList<string> All = [Activity, Waiting, Due];
}

public static class InboxAssignees
{
    public const string Me = "me";
    public const string None = "none";
}
