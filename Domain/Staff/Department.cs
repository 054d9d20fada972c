namespace SocialEnterprise.Domain.Staff;

/// <summary>A part of the company that conversations are routed to and consults are asked of.</summary>
public sealed class Department
{
    public Department(string id, string name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>A short stable key such as <c>support</c>; it travels in tokens and URLs.</summary>
    public string Id { get; private set; }

    public string Name { get; private set; }

    public static readonly IReadOnlyList<Department> Standard =
    [
        new("support", "Support"),
        new("product", "Product"),
        new("engineering", "Engineering"),
        new("legal", "Legal"),
        new("sales", "Sales"),
        new("marketing", "Marketing"),
    ];
}
