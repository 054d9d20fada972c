namespace SocialEnterprise.Web.Components.Shared;

/// <summary>How the workspace writes handles and counts, the same on every page.</summary>
public static class DisplayText
{
    /// <summary>A channel handle as people write it (<c>@ann_lee</c>); an email address stays as it is.</summary>
    public static string Handle(string handle)
    {
        var bare = handle.Trim().TrimStart('@');
        return bare.Length == 0 || bare.Contains('@', StringComparison.Ordinal) ? bare : "@" + bare;
    }

    public static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count} {many}";
}
