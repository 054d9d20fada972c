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
