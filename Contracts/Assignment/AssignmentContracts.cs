namespace SocialEnterprise.Contracts.Assignment;

/// <summary>A department as the workspace shows it: how it assigns, who works in it with what load, how many wait.</summary>
public sealed record DepartmentView(string Id, string Name, string Strategy, int QueueLength, IReadOnlyList<DepartmentMemberView> Members);

/// <summary>A member of a department with their load against their capacity.</summary>
public sealed record DepartmentMemberView(
    Guid Id, string DisplayName, string Availability, int Open, int Capacity, IReadOnlyList<string> Skills);

/// <summary>A staff member's assignment settings: departments, skills, capacity, availability, and load.</summary>
public sealed record StaffProfileView(
    Guid Id, string DisplayName, IReadOnlyList<string> Departments, IReadOnlyList<string> Skills, int Capacity, string Availability, int Open);

public sealed record DepartmentRequest(string? Strategy);

/// <summary>An admin's change to a staff member; a field left out stays as it is.</summary>
public sealed record StaffSettingsRequest(int? Capacity, IReadOnlyList<string>? Skills);

public sealed record AvailabilityRequest(string? Availability);

/// <summary>A conversation waiting in its department's queue, in queue order.</summary>
public sealed record QueuedConversationView(
    Guid Id, string CustomerName, string Channel, string Priority, string? Topic, string Preview, DateTimeOffset QueuedAt,
    DateTimeOffset LastActivityAt);

/// <summary>A new staff member as an admin adds them: who they are, their role and departments, and a first password.</summary>
public sealed record NewStaffRequest(
    string? Email, string? DisplayName, string? Role, IReadOnlyList<string>? Departments, string? Password, IReadOnlyList<string>? Skills,
    int? Capacity);
