namespace SocialEnterprise.Contracts.Routing;

/// <summary>What a rule may name, read from the database and configuration before a rule is checked.</summary>
public sealed record RoutingVocabulary(
    IReadOnlySet<string> Departments, IReadOnlySet<string> Topics, IReadOnlyList<string> SlaPolicies,
    IReadOnlyDictionary<Guid, IReadOnlySet<string>> StaffDepartments);
