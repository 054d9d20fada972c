namespace SocialEnterprise.Contracts.Customers;

public static class CustomerTiers
{
    public const string Standard = "standard";
    public const string Vip = "vip";
}
