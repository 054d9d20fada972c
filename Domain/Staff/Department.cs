using SocialEnterprise.Contracts.Staff;

namespace SocialEnterprise.Domain.Staff;

/// <summary>A part of the company that conversations are routed to and consults are asked of.</summary>
public sealed class Department
{
    public Department(string id, string name, string assignmentStrategy = AssignmentStrategies.RoundRobin)
    {
        Id = id;
        Name = name;
        AssignmentStrategy = assignmentStrategy;
    }

    /// <summary>A short stable key such as <c>support</c>; it travels in tokens and URLs.</summary>
    public string Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>How new conversations find an assignee here: one of <see cref="AssignmentStrategies"/>.</summary>
    public string AssignmentStrategy { get; private set; } = AssignmentStrategies.RoundRobin;

    /// <summary>Round-robin's pointer: the member who got the last conversation; the next goes to whoever follows them.</summary>
    public Guid? LastAssigneeId { get; private set; }

    public bool ChangeStrategy(string strategy)
    {
        if (AssignmentStrategy == strategy)
        {
            return false;
        }

        AssignmentStrategy = strategy;
        return true;
    }

    /// <summary>The standard departments (<see cref="Departments"/>) as the company starts with them.</summary>
    public static readonly IReadOnlyList<Department> Standard =
    [
        new(Departments.Support, "Support"),
        new(Departments.Product, "Product", AssignmentStrategies.LeastLoad),
        new(Departments.Engineering, "Engineering", AssignmentStrategies.LeastLoad),
        new(Departments.Legal, "Legal", AssignmentStrategies.Manual),
        new(Departments.Sales, "Sales"),
        new(Departments.Marketing, "Marketing", AssignmentStrategies.LeastLoad),
    ];
}
