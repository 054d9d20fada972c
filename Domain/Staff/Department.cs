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

    public static readonly IReadOnlyList<Department> Standard =
    [
        new("support", "Support"),
        new("product", "Product", AssignmentStrategies.LeastLoad),
        new("engineering", "Engineering", AssignmentStrategies.LeastLoad),
        new("legal", "Legal", AssignmentStrategies.Manual),
        new("sales", "Sales"),
        new("marketing", "Marketing", AssignmentStrategies.LeastLoad),
    ];
}

/// <summary>How a department hands out new conversations.</summary>
public static class AssignmentStrategies
{
    /// <summary>In turn, to each available member with room.</summary>
    public const string RoundRobin = "round-robin";

    /// <summary>To the available member with the fewest open conversations, then whoever waited longest for one.</summary>
    public const string LeastLoad = "least-load";

    /// <summary>Nobody is assigned automatically: conversations wait in the queue until someone takes them.</summary>
    public const string Manual = "manual";

    public static readonly IReadOnlyList<string> All = [RoundRobin, LeastLoad, Manual];
}
