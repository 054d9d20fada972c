using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Shared;

namespace SocialEnterprise.Infrastructure.Staff;

/// <summary>
/// The staff of the demo company the local runner seeds, so that every role and department can be tried at once.
/// Development only: the password is public (README) and the Api seeds these only when <c>Seed:DemoCompany</c> is true.
/// </summary>
public static class DemoCompany
{
    public const string Password = AccessSettings.DemoPassword;

    public const string Domain = AccessSettings.DemoDomain;

    public static readonly IReadOnlyList<DemoStaff> Staff =
    [
        new("admin", "Ada Admin", StaffRoles.Admin, ["support", "product", "engineering", "legal", "sales", "marketing"]),
        new("support.manager", "Sam Support-Manager", StaffRoles.Manager, ["support"], ["customer-service", "billing"]),
        new("sales.manager", "Sasha Sales-Manager", StaffRoles.Manager, ["sales"], ["pricing", "partnership"]),
        new("agent", "Alex Agent", StaffRoles.Agent, ["support"], ["billing", "delivery"]),
        new("agent2", "Jordan Agent", StaffRoles.Agent, ["support", "sales"], ["pricing", "account-access"]),
        new("product", "Priya Product", StaffRoles.Member, ["product"], ["feature-request", "product-quality"]),
        new("engineering", "Elias Engineer", StaffRoles.Member, ["engineering"], ["bug", "performance"]),
        new("legal", "Lena Legal", StaffRoles.Member, ["legal"], ["privacy"]),
        new("sales", "Sofia Sales", StaffRoles.Member, ["sales"], ["pricing"]),
        new("marketing", "Mia Marketing", StaffRoles.Member, ["marketing"], ["partnership"]),
        new("agent3", "Noah Nguyen", StaffRoles.Agent, ["support"], ["billing", "account-access"]),
        new("agent4", "Olivia Okafor", StaffRoles.Agent, ["support"], ["delivery", "installation"]),
        new("agent5", "Liam Larsen", StaffRoles.Agent, ["support"], ["customer-service", "delivery"]),
        new("agent6", "Emma Eriksen", StaffRoles.Agent, ["support"], ["mobile-app", "installation"], Capacity: 4),
        new("product2", "Paul Patel", StaffRoles.Member, ["product"], ["feature-request", "mobile-app"]),
        new("engineering.manager", "Ethan Engineering-Manager", StaffRoles.Manager, ["engineering"], ["bug"]),
        new("engineering2", "Erin Ellis", StaffRoles.Member, ["engineering"], ["mobile-app", "performance"]),
        new("legal2", "Leo Lindqvist", StaffRoles.Member, ["legal"], ["privacy"]),
        new("sales2", "Sven Svensson", StaffRoles.Member, ["sales"], ["pricing"]),
        new("marketing2", "Maya Moreau", StaffRoles.Member, ["marketing"], ["partnership", "product-quality"]),
    ];
}

/// <summary>A demo staff member; skills are topic keys of the default catalogue, capacity their open conversations at once.</summary>
public sealed record DemoStaff(
    string Name, string DisplayName, string Role, IReadOnlyList<string> Departments, IReadOnlyList<string>? Skills = null,
    int Capacity = StaffCapacity.Default)
{
    public string Email => $"{Name}@{DemoCompany.Domain}";
}
