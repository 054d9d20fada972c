namespace SocialEnterprise.Contracts.Routing;

public static class BusinessHoursStates
{
    public const string Inside = "inside";
    public const string Outside = "outside";

    public static readonly IReadOnlyList<string> All = [Inside, Outside];
}
