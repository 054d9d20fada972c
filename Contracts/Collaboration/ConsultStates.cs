namespace SocialEnterprise.Contracts.Collaboration;

public static class ConsultStates
{
    public const string Open = "open";
    public const string Accepted = "accepted";
    public const string Answered = "answered";
    public const string Declined = "declined";

    public static readonly IReadOnlyList<string> All = [Open, Accepted, Answered, Declined];

    /// <summary>The states in which the target department still owes an answer.</summary>
    public static readonly IReadOnlyList<string> Waiting = [Open, Accepted];
}

/// <summary>Where a consult stands against its own clock (the words behind <c>ConsultView.Clock</c>).</summary>
public static class ConsultClockStates
{
    /// <summary>Answered or declined: nothing is owed any more.</summary>
    public const string Stopped = "stopped";

    public const string OnTrack = "on-track";

    /// <summary>More than 80 % of the time to the due moment is used.</summary>
    public const string AtRisk = "at-risk";

    public const string Overdue = "overdue";
}
