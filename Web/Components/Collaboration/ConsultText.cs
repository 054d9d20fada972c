using MudBlazor;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Web.Components.Shared;

namespace SocialEnterprise.Web.Components.Collaboration;

/// <summary>Consults and notifications in the workspace's words and colours.</summary>
public static class ConsultText
{

    public static string Clock(ConsultView consult, ReaderTime reader) => consult.Clock switch
    {
        ConsultClockStates.OnTrack => $"On track · due {reader.When(consult.DueAt)}",
        ConsultClockStates.AtRisk => $"At risk · due {reader.When(consult.DueAt)}",
        ConsultClockStates.Overdue => $"Overdue · was due {reader.When(consult.DueAt)}",
        _ => consult.AnsweredAt is { } answered ? $"Answered {reader.When(answered)}" : consult.DeclinedAt is { } declined ? $"Declined {reader.When(declined)}" : "Closed",
    };

    public static string Department(string department) =>
        department.Length == 0 ? "No department" : DisplayText.Sentence(department);

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
