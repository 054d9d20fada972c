using MudBlazor;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Contracts.ServiceLevels;

namespace SocialEnterprise.Web.Components.Shared;

/// <summary>A status as a person sees it: its words and its colour (and an icon where the page shows one).</summary>
public sealed record StatusLook(string Text, Color Color, string? Icon = null);

/// <summary>
/// Every status the workspace shows, mapped once to words and colour (as the Aspire dashboard's
/// <c>ResourceStateViewModel</c> does): a page asks here rather than keeping its own switch, so the same state reads the
/// same on every page.
/// </summary>
public static class StatusDisplay
{
    public static StatusLook Conversation(string status) => status switch
    {
        ConversationStatuses.Open => new("Open", Color.Info),
        ConversationStatuses.Pending => new("Waiting on customer", Color.Warning),
        ConversationStatuses.Resolved => new("Resolved", Color.Success),
        _ => new(status, Color.Default),
    };

    /// <summary>Where a conversation stands against its response target (<see cref="ServiceLevelStates"/>).</summary>
    public static StatusLook ServiceLevel(string state) => state switch
    {
        ServiceLevelStates.OnTrack => new("On track", Color.Success),
        ServiceLevelStates.AtRisk => new("At risk", Color.Warning),
        ServiceLevelStates.Breached => new("Breached", Color.Error),
        _ => new("No answer owed", Color.Default),
    };

    /// <summary>
    /// One service-level clock (a <see cref="ServiceLevelStates"/> value while it runs, an outcome once stopped): a clock
    /// running on track stays plain, only a risk, a breach or a met target stands out.
    /// </summary>
    public static Color Clock(string state) => state switch
    {
        ServiceLevelStates.Breached or ServiceLevelOutcomes.Breached => Color.Error,
        ServiceLevelStates.AtRisk => Color.Warning,
        ServiceLevelOutcomes.Met => Color.Success,
        _ => Color.Default,
    };

    /// <summary>High and urgent stand out; lower priorities are shown as plain words.</summary>
    public static StatusLook Priority(string priority) => priority switch
    {
        Priorities.Urgent => new(priority, Color.Error),
        Priorities.High => new(priority, Color.Warning),
        _ => new(priority, Color.Default),
    };

    public static bool StandsOut(string priority) => priority is Priorities.High or Priorities.Urgent;

    public static Color Sentiment(string sentiment) => sentiment switch
    {
        SentimentLabels.Negative => Color.Error,
        SentimentLabels.Positive => Color.Success,
        _ => Color.Default,
    };

    public static StatusLook Reply(ThreadReplyView reply) => new(ReplyText(reply), ReplyColor(reply.State));

    public static StatusLook Consult(string state) => state switch
    {
        ConsultStates.Open => new("Open", Color.Info),
        ConsultStates.Accepted => new("Accepted", Color.Primary),
        ConsultStates.Answered => new("Answered", Color.Success),
        ConsultStates.Declined => new("Declined", Color.Default),
        _ => new(state, Color.Default),
    };

    public static Color ConsultClock(string clock) => clock switch
    {
        ConsultClockStates.OnTrack => Color.Success,
        ConsultClockStates.AtRisk => Color.Warning,
        ConsultClockStates.Overdue => Color.Error,
        _ => Color.Default,
    };

    /// <summary>A health check's status (Healthy, Degraded, Unhealthy).</summary>
    public static StatusLook Health(string status) => status switch
    {
        "Healthy" => new(status, Color.Success, Icons.Material.Filled.CheckCircle),
        "Degraded" => new(status, Color.Warning, Icons.Material.Filled.Warning),
        "Unhealthy" => new(status, Color.Error, Icons.Material.Filled.Error),
        _ => new(status, Color.Default, Icons.Material.Filled.HelpOutline),
    };

    private static string ReplyText(ThreadReplyView reply) => reply.State switch
    {
        ReplyStates.AwaitingApproval => "Awaiting approval",
        ReplyStates.Rejected => "Rejected",
        ReplyStates.Queued when reply.Attempts > 0 => $"Retrying (attempt {reply.Attempts + 1})",
        ReplyStates.Queued => "Queued",
        ReplyStates.Sent => "Sent",
        ReplyStates.Delivered => "Delivered",
        ReplyStates.Failed => "Failed",
        _ => reply.State,
    };

    private static Color ReplyColor(string state) => state switch
    {
        ReplyStates.Delivered => Color.Success,
        ReplyStates.Sent => Color.Info,
        ReplyStates.Failed or ReplyStates.Rejected => Color.Error,
        ReplyStates.AwaitingApproval => Color.Warning,
        _ => Color.Default,
    };
}
