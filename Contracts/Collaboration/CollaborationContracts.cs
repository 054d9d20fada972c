namespace SocialEnterprise.Contracts.Collaboration;

public sealed record ConsultRequest(string? TargetDepartment, string? Question, DateTimeOffset? NeededBy, string? Priority);

public sealed record ConsultAnswerRequest(string? Answer);

public sealed record ConsultDeclineRequest(string? Reason);

/// <summary>A consult as the workspace shows it, with its clock worked out at the moment of the request.</summary>
public sealed record ConsultView(
    Guid Id, Guid ConversationId, string RequesterDepartment, string TargetDepartment, Guid RequestedById, string RequestedByName,
    string Question, string Priority, DateTimeOffset? NeededBy, string State, DateTimeOffset RequestedAt, DateTimeOffset DueAt,
    string Clock, string? AcceptedByName, DateTimeOffset? AcceptedAt, string? AnsweredByName, string? Answer, DateTimeOffset? AnsweredAt,
    string? DeclinedByName, string? DeclineReason, DateTimeOffset? DeclinedAt, string? CustomerName = null);

/// <summary>
/// A notification as its reader sees it: the latest of its subject on its conversation (<see cref="NotificationKinds.SubjectOf"/>),
/// standing for <see cref="Updates"/> notifications, unread while any of them is.
/// </summary>
public sealed record NotificationView(Guid Id, string Kind, string Text, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, int Updates = 1);

/// <summary>The caller's notifications, folded and newest first, and how many of them (folded) are unread.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Unread);

/// <summary>A colleague worth consulting, and why, in words ("answered 3 privacy consults").</summary>
public sealed record ExpertSuggestion(Guid StaffId, string DisplayName, IReadOnlyList<string> Departments, int Score, IReadOnlyList<string> Reasons);

/// <summary>Something that happened in a department, in words, from the event log.</summary>
public sealed record DepartmentActivityEntry(long Sequence, DateTimeOffset At, string Kind, string Text, Guid? ConversationId);
