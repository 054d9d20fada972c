namespace SocialEnterprise.Contracts.ServiceLevels;

/// <summary>How long a promise may take: <see cref="Metric"/> at <see cref="Priority"/>, on <see cref="Channel"/> or (null) any channel.</summary>
public sealed record SlaTarget(string Metric, string Priority, TimeSpan Target, string? Channel = null);

/// <summary>How long <see cref="Department"/> has to answer a consult under a policy (its operational-level agreement).</summary>
public sealed record DepartmentOla(string Department, TimeSpan Target);

public sealed record Holiday(DateOnly Date, string? Name = null);

/// <summary>Open from <see cref="Opens"/> to <see cref="Closes"/> (local times of the day, 24:00 allowed) on <see cref="Day"/>.</summary>
public sealed record OpenHours(DayOfWeek Day, TimeSpan Opens, TimeSpan Closes);
