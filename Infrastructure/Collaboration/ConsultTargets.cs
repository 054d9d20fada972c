using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace SocialEnterprise.Infrastructure.Collaboration;

/// <summary>
/// How long each department has to answer a consult (configuration section <c>ConsultTargets</c>): a default and
/// per-department overrides such as <c>ConsultTargets:Departments:engineering = 08:00:00</c>.
/// </summary>
public sealed class ConsultTargets : IValidatableObject
{
    public const string Section = "ConsultTargets";

    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Longest = TimeSpan.FromDays(30);

    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Default { get; set; } = TimeSpan.FromHours(4);

    public Dictionary<string, TimeSpan> Departments { get; set; } = new(StringComparer.Ordinal)
    {
        ["legal"] = TimeSpan.FromHours(4),
        ["engineering"] = TimeSpan.FromHours(8),
    };

    public TimeSpan For(string department) => Departments.TryGetValue(department, out var target) ? target : Default;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Departments
            .Where(pair => pair.Value < Shortest || pair.Value > Longest)
            .Select(pair => new ValidationResult(
                $"The consult target of {pair.Key} must be from {Shortest} to {Longest}.", [$"{nameof(Departments)}:{pair.Key}"]));
}

public static class CollaborationExtensions
{
    /// <summary>The consult targets per department (section <c>ConsultTargets</c>), validated on start.</summary>
    public static IServiceCollection AddConsultTargets(this IServiceCollection services)
    {
        services.AddOptions<ConsultTargets>()
            .BindConfiguration(ConsultTargets.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
