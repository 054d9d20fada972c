namespace SocialEnterprise.Contracts.Conversations;

public static class EngagementKinds
{
    public const string Note = "note";
    public const string Assigned = "assigned";
    public const string StatusChanged = "status-changed";
    public const string Followed = "followed";
    public const string Consult = "consult";
    public const string Reply = "reply";
}
