using SocialEnterprise.Shared;

namespace SocialEnterprise.Domain.Staff;

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
        new("support.manager", "Sam Support-Manager", StaffRoles.Manager, ["support"]),
        new("sales.manager", "Sasha Sales-Manager", StaffRoles.Manager, ["sales"]),
        new("agent", "Alex Agent", StaffRoles.Agent, ["support"]),
        new("agent2", "Jordan Agent", StaffRoles.Agent, ["support", "sales"]),
        new("product", "Priya Product", StaffRoles.Member, ["product"]),
        new("engineering", "Elias Engineer", StaffRoles.Member, ["engineering"]),
        new("legal", "Lena Legal", StaffRoles.Member, ["legal"]),
        new("sales", "Sofia Sales", StaffRoles.Member, ["sales"]),
        new("marketing", "Mia Marketing", StaffRoles.Member, ["marketing"]),
    ];
}

public sealed record DemoStaff(string Name, string DisplayName, string Role, IReadOnlyList<string> Departments)
{
    public string Email => $"{Name}@{DemoCompany.Domain}";
}
