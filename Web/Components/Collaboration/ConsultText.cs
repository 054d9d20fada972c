using MudBlazor;
using SocialEnterprise.Contracts.Collaboration;

namespace SocialEnterprise.Web.Components.Collaboration;

/// <summary>Consults and notifications in the workspace's words and colours.</summary>
public static class ConsultText
{
    public static string State(string state) => state switch
    {
        ConsultStates.Open => "Open",
        ConsultStates.Accepted => "Accepted",
        ConsultStates.Answered => "Answered",
        ConsultStates.Declined => "Declined",
        _ => state,
    };

    public static Color StateColor(string state) => state switch
    {
        ConsultStates.Open => Color.Info,
        ConsultStates.Accepted => Color.Primary,
        ConsultStates.Answered => Color.Success,
        _ => Color.Default,
    };

    public static Color ClockColor(string clock) => clock switch
    {
        ConsultClockStates.OnTrack => Color.Success,
        ConsultClockStates.AtRisk => Color.Warning,
        ConsultClockStates.Overdue => Color.Error,
        _ => Color.Default,
    };

    public static string Clock(ConsultView consult) => consult.Clock switch
    {
        ConsultClockStates.OnTrack => $"On track · due {When(consult.DueAt)}",
        ConsultClockStates.AtRisk => $"At risk · due {When(consult.DueAt)}",
        ConsultClockStates.Overdue => $"Overdue · was due {When(consult.DueAt)}",
        _ => consult.AnsweredAt is { } answered ? $"Answered {When(answered)}" : consult.DeclinedAt is { } declined ? $"Declined {When(declined)}" : "Closed",
    };

    public static string Department(string department) =>
        department.Length == 0 ? "No department" : char.ToUpperInvariant(department[0]) + department[1..];

    public static string When(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm");

    public static string NotificationIcon(string kind) => kind switch
    {
        NotificationKinds.Mention => Icons.Material.Filled.AlternateEmail,
        NotificationKinds.Assignment => Icons.Material.Filled.PersonPin,
        NotificationKinds.ConsultRequested => Icons.Material.Filled.QuestionAnswer,
        NotificationKinds.ConsultAnswered => Icons.Material.Filled.MarkChatRead,
        NotificationKinds.ConsultDeclined => Icons.Material.Filled.Block,
        NotificationKinds.ApprovalRequested => Icons.Material.Filled.Gavel,
        NotificationKinds.ReplyApproved => Icons.Material.Filled.CheckCircle,
        NotificationKinds.ReplyRejected => Icons.Material.Filled.Undo,
        _ => Icons.Material.Filled.Forum,
    };
}
