namespace SocialEnterprise.Contracts.Routing;

public static class RoutingTags
{
    public const int MaxLength = 40;

    /// <summary>Tags are kept in lower case without surrounding spaces or a leading #.</summary>
    public static string Normalise(string tag) => tag.Trim().TrimStart('#').Trim().ToLowerInvariant();
}
