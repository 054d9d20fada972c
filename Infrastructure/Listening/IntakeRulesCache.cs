using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Filtering;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Routing;
using SocialEnterprise.Infrastructure.ServiceLevels;

namespace SocialEnterprise.Infrastructure.Listening;

/// <summary>
/// The rules the intake applies (noise filter, topics, routing rules, SLA policies and calendars), read and compiled
/// once and kept until they change: each batch reads one number, the rules' version, which the database raises in the
/// transaction of any change to them (wherever it is made: the Api, a seed, a migration).
/// </summary>
/// <remarks>The compiled rules are immutable, so the carrying loops share them.</remarks>
public sealed class IntakeRulesCache(IOptions<BusinessHours> hours)
{
    private Compiled? _current;

    /// <summary>The rules of the moment; routing assignees are read each time (staff change often and apart from the rules).</summary>
    public async Task<(IntakeRules Intake, SlaRules ServiceLevels)> ReadAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var version = await db.Database
            .SqlQuery<long>($"SELECT version AS \"Value\" FROM intake_rules_version WHERE id = 1")
            .SingleOrDefaultAsync(cancellationToken);
        var current = Volatile.Read(ref _current);
        if (current is null || current.Version != version || version == 0)
        {
            current = await CompileAsync(db, version, cancellationToken);
            Volatile.Write(ref _current, current);
        }

        var assignees = await RoutingAssignees.ReadAsync(db, current.RoutingRules, cancellationToken);
        return (new IntakeRules(current.Filter, current.Topics, current.Routing, assignees), current.ServiceLevels);
    }

    private async Task<Compiled> CompileAsync(CrmDbContext db, long version, CancellationToken cancellationToken)
    {
        var noiseRules = await db.NoiseRules.AsNoTracking().ToListAsync(cancellationToken);
        var topics = await db.Topics.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Key).ToListAsync(cancellationToken);
        var routingRules = await db.RoutingRules.AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Position).ToListAsync(cancellationToken);
        return new Compiled(
            version,
            new NoiseFilter(noiseRules),
            new TopicCatalogue(topics.Select(t => t.ToTopic())),
            new RoutingEngine(routingRules, hours.Value),
            routingRules,
            await db.ReadSlaRulesAsync(cancellationToken));
    }

    private sealed record Compiled(
        long Version, NoiseFilter Filter, TopicCatalogue Topics, RoutingEngine Routing, IReadOnlyList<RoutingRule> RoutingRules, SlaRules ServiceLevels);
}
