using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.Operations;
using SocialEnterprise.Domain.Probes;

namespace SocialEnterprise.Domain.Persistence;

/// <summary>The system of record. Saving an entity appends the events it recorded to the event log, atomically.</summary>
public sealed class CrmDbContext(DbContextOptions<CrmDbContext> options) : DbContext(options)
{
    public DbSet<EventLogEntry> EventLog => Set<EventLogEntry>();

    public DbSet<PipelineProbe> PipelineProbes => Set<PipelineProbe>();

    public DbSet<ServiceHeartbeat> ServiceHeartbeats => Set<ServiceHeartbeat>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AppendPendingEvents();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AppendPendingEvents();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);

    private void AppendPendingEvents()
    {
        var sources = ChangeTracker.Entries<EventSource>()
            .Select(entry => entry.Entity)
            .Where(source => source.PendingEvents.Count > 0)
            .ToList();

        foreach (var source in sources)
        {
            EventLog.AddRange(source.PendingEvents.Select(EventLogEntry.For));
            source.ClearPendingEvents();
        }
    }
}
