namespace SocialEnterprise.Contracts.Customers;

public static class ConsentStatuses
{
    public const string Unknown = "unknown";
    public const string Granted = "granted";
    public const string Withdrawn = "withdrawn";
}
