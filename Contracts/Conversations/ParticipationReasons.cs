namespace SocialEnterprise.Contracts.Conversations;

public static class ParticipationReasons
{
    public const string Following = "following";

    /// <summary>Mentioned in a note (by name or through their department).</summary>
    public const string Mentioned = "mentioned";
}
