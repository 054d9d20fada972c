namespace SocialEnterprise.Contracts.Staff;

/// <summary>A department as everyone names it: a short stable key (in tokens and URLs) and the words for people.</summary>
public sealed record DepartmentName(string Id, string Name);

/// <summary>The company's departments, out of the box.</summary>
public static class Departments
{
    public const string Support = "support";
    public const string Product = "product";
    public const string Engineering = "engineering";
    public const string Legal = "legal";
    public const string Sales = "sales";
    public const string Marketing = "marketing";

    public static readonly IReadOnlyList<DepartmentName> Standard =
    [
        new(Support, "Support"),
        new(Product, "Product"),
        new(Engineering, "Engineering"),
        new(Legal, "Legal"),
        new(Sales, "Sales"),
        new(Marketing, "Marketing"),
    ];

    public static IEnumerable<string> Ids => Standard.Select(department => department.Id);
}
