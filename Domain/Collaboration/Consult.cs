using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Events;

namespace SocialEnterprise.Domain.Collaboration;

/// <summary>
/// A question one department asks another about a conversation, with a clock of its own: the target department's
/// consult target from the moment it was asked, or the asker's needed-by when that is sooner.
/// </summary>
public sealed class Consult : EventSource
{
    public const int MaxQuestionLength = 2000;

    public const int MaxAnswerLength = 4000;

    public const int MaxReasonLength = 500;

    private Consult()
    {
    }

    public Guid Id { get; private set; }

    public Guid ConversationId { get; private set; }

    /// <summary>The asker's department (empty for someone in none, such as an admin).</summary>
    public string RequesterDepartment { get; private set; } = "";

    public string TargetDepartment { get; private set; } = "";

    public Guid RequestedById { get; private set; }

    public string RequestedByName { get; private set; } = "";

    public string Question { get; private set; } = "";

    public string Priority { get; private set; } = Priorities.Normal;

    public DateTimeOffset? NeededBy { get; private set; }

    public string State { get; private set; } = ConsultStates.Open;

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The moment 80 % of the time to <see cref="DueAt"/> is used: from then on the consult is at risk.</summary>
    public DateTimeOffset WarnAt { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public Guid? AcceptedById { get; private set; }

    public string? AcceptedByName { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public Guid? AnsweredById { get; private set; }

    public string? AnsweredByName { get; private set; }

    public string? Answer { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The note in the conversation's internal thread that carries the answer.</summary>
    public Guid? AnswerNoteId { get; private set; }

    public string? DeclinedByName { get; private set; }

    public string? DeclineReason { get; private set; }

    public DateTimeOffset? DeclinedAt { get; private set; }

    public int Version { get; private set; }

    public static Consult Request(
        Conversation conversation, string requesterDepartment, string targetDepartment, Guid requestedById, string requestedByName,
        string question, string priority, DateTimeOffset? neededBy, TimeSpan target, DateTimeOffset now)
    {
        var dueAt = neededBy is { } needed && needed < now + target ? needed : now + target;
        var consult = new Consult
        {
            Id = Guid.CreateVersion7(now),
            ConversationId = conversation.Id,
            RequesterDepartment = requesterDepartment,
            TargetDepartment = targetDepartment,
            RequestedById = requestedById,
            RequestedByName = requestedByName,
            Question = question,
            Priority = priority,
            NeededBy = neededBy,
            RequestedAt = now,
            DueAt = dueAt,
            WarnAt = now + (dueAt - now) * 0.8,
        };
        consult.Record(new ConsultRequested(
            consult.Id, conversation.Id, conversation.Department, requesterDepartment, targetDepartment, requestedById, requestedByName,
            Conversation.PreviewOf(question), priority, dueAt, now));
        return consult;
    }

    /// <summary>Where the consult stands against its clock at <paramref name="now"/>; answered and declined consults have none running.</summary>
    public string ClockAt(DateTimeOffset now) => ConsultClocks.Of(State, WarnAt, DueAt, now);

    /// <summary>Takes the warning and due moments from the consult's service-level clock (the policy's OLA, in business time).</summary>
    public void KeepClock(DateTimeOffset warnAt, DateTimeOffset dueAt)
    {
        WarnAt = warnAt;
        DueAt = dueAt;
    }

    public bool Accept(Guid staffId, string staffName, DateTimeOffset now)
    {
        if (State != ConsultStates.Open)
        {
            return false;
        }

        State = ConsultStates.Accepted;
        AcceptedById = staffId;
        AcceptedByName = staffName;
        AcceptedAt = now;
        Version++;
        Record(new ConsultAccepted(Id, ConversationId, RequesterDepartment, TargetDepartment, RequestedById, staffName, now));
        return true;
    }

    /// <summary>Answers an open or accepted consult; the answer note is written by the caller into the internal thread.</summary>
    public bool AnswerWith(Guid staffId, string staffName, string answer, Guid noteId, DateTimeOffset now)
    {
        if (State is not (ConsultStates.Open or ConsultStates.Accepted))
        {
            return false;
        }

        State = ConsultStates.Answered;
        AcceptedById ??= staffId;
        AcceptedByName ??= staffName;
        AcceptedAt ??= now;
        AnsweredById = staffId;
        AnsweredByName = staffName;
        Answer = answer;
        AnsweredAt = now;
        AnswerNoteId = noteId;
        Version++;
        Record(new ConsultAnswered(
            Id, ConversationId, RequesterDepartment, TargetDepartment, RequestedById, staffName, Conversation.PreviewOf(answer), now));
        return true;
    }

    public bool Decline(string staffName, string reason, DateTimeOffset now)
    {
        if (State is not (ConsultStates.Open or ConsultStates.Accepted))
        {
            return false;
        }

        State = ConsultStates.Declined;
        DeclinedByName = staffName;
        DeclineReason = reason;
        DeclinedAt = now;
        Version++;
        Record(new ConsultDeclined(Id, ConversationId, RequesterDepartment, TargetDepartment, RequestedById, staffName, reason, now));
        return true;
    }
}

/// <summary>Where a consult stands against its own clock.</summary>
public static class ConsultClocks
{
    public static string Of(string state, DateTimeOffset warnAt, DateTimeOffset dueAt, DateTimeOffset now) =>
        state is not (ConsultStates.Open or ConsultStates.Accepted) ? ConsultClockStates.Stopped
        : now >= dueAt ? ConsultClockStates.Overdue
        : now >= warnAt ? ConsultClockStates.AtRisk
        : ConsultClockStates.OnTrack;
}
