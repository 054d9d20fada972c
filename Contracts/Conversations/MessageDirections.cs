namespace SocialEnterprise.Contracts.Conversations;

public static class MessageDirections
{
    public const string Inbound = "inbound";
    public const string Outbound = "outbound";
}
