using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Collaboration;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.Filtering;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Operations;
using SocialEnterprise.Domain.Probes;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.ServiceLevels;
using SocialEnterprise.Infrastructure.Staff;

namespace SocialEnterprise.Infrastructure.Persistence;

/// <summary>
/// The system of record, staff identities included. Saving an entity appends the events it recorded to the event log,
/// atomically.
/// </summary>
public sealed class CrmDbContext(DbContextOptions<CrmDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    private TimeProvider? _time;

    public DbSet<EventLogEntry> EventLog => Set<EventLogEntry>();

    public DbSet<PipelineProbe> PipelineProbes => Set<PipelineProbe>();

    public DbSet<ServiceHeartbeat> ServiceHeartbeats => Set<ServiceHeartbeat>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<DepartmentMembership> DepartmentMemberships => Set<DepartmentMembership>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<IngestEvent> IngestEvents => Set<IngestEvent>();

    public DbSet<NoiseRule> NoiseRules => Set<NoiseRule>();

    public DbSet<CatalogueTopic> Topics => Set<CatalogueTopic>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<CustomerIdentity> CustomerIdentities => Set<CustomerIdentity>();

    public DbSet<MergeSuggestion> MergeSuggestions => Set<MergeSuggestion>();

    public DbSet<CustomerMerge> CustomerMerges => Set<CustomerMerge>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<ConversationThread> ConversationThreads => Set<ConversationThread>();

    public DbSet<ConversationParticipant> ConversationParticipants => Set<ConversationParticipant>();

    public DbSet<ConversationNote> ConversationNotes => Set<ConversationNote>();

    public DbSet<ConversationEngagement> ConversationEngagements => Set<ConversationEngagement>();

    public DbSet<SavedInboxView> SavedInboxViews => Set<SavedInboxView>();

    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<Consult> Consults => Set<Consult>();

    public DbSet<StaffNotification> StaffNotifications => Set<StaffNotification>();

    public DbSet<Reply> Replies => Set<Reply>();

    public DbSet<CsatSurvey> CsatSurveys => Set<CsatSurvey>();

    public DbSet<ServiceLevelClock> ServiceLevelClocks => Set<ServiceLevelClock>();

    public DbSet<ReplyDraft> ReplyDrafts => Set<ReplyDraft>();

    public DbSet<CannedResponse> CannedResponses => Set<CannedResponse>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();

    public DbSet<SlaCalendar> SlaCalendars => Set<SlaCalendar>();

    /// <summary>The workspace's data-protection keys, so that sign-in cookies survive restarts and work across instances.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The SLA policies and calendars a unit of work that saves many times (an intake batch) read once, as it reads its
    /// other rules, instead of once per save; null outside such a unit. The context is pooled: whoever holds them lets
    /// go with <see cref="LetGoOfSlaRules"/> before the context is returned.
    /// </summary>
    public SlaRules? HeldSlaRules { get; private set; }

    public void HoldSlaRules(SlaRules rules) => HeldSlaRules = rules;

    public void LetGoOfSlaRules() => HeldSlaRules = null;

    /// <summary>
    /// Whether a save writes the rows it adds and changes as one statement per table (<see cref="SetWrites"/>): for a
    /// unit of work that writes hundreds of rows in a transaction (an intake batch). The context is pooled: whoever sets it resets it.
    /// </summary>
    public bool WritesInSets { get; set; }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            PrepareToSaveAsync(CancellationToken.None).GetAwaiter().GetResult();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            await PrepareToSaveAsync(cancellationToken);
            var written = WritesInSets ? await SetWrites.WriteAsync(this, cancellationToken) : 0;
            return written + await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>The application's clock when the context comes from dependency injection (tests replace it), else the system's.</summary>
    public TimeProvider Time => _time ??= this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
        ?.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;

    /// <summary>
    /// Takes the events tracked entities recorded, without appending them: for a caller that appends them itself later
    /// in the same transaction (the intake carrier appends a batch's events once, just before it commits).
    /// </summary>
    public List<DomainEvent> TakePendingEvents()
    {
        var taken = new List<DomainEvent>();
        foreach (var source in ChangeTracker.Entries<EventSource>().Select(entry => entry.Entity).Where(source => source.PendingEvents.Count > 0))
        {
            taken.AddRange(source.PendingEvents);
            source.ClearPendingEvents();
        }

        return taken;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);
    }

    /// <summary>
    /// Keeps the clocks and appends the pending events, detecting changes once before and once after the clocks only if
    /// they were kept, then leaves change detection off for the save itself: every look at the tracked entries would
    /// otherwise compare each entity with its snapshot again (six times per save before). The caller restores it.
    /// </summary>
    private async Task PrepareToSaveAsync(CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        // Clocks are saved with the conversation or consult they time, whoever changed it.
        if (await ServiceLevelClockKeeper.KeepAsync(this, Time.GetUtcNow(), cancellationToken))
        {
            ChangeTracker.DetectChanges();
        }

        AppendPendingEvents();
    }

    private void AppendPendingEvents() => EventLog.AddRange(TakePendingEvents().Select(EventLogEntry.For));
}
