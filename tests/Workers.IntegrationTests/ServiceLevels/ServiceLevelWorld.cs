using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Domain.Routing;
using SocialEnterprise.Domain.ServiceLevels;
using SocialEnterprise.Infrastructure.Conversations;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Notifications;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Routing;
using SocialEnterprise.Infrastructure.ServiceLevels;
using SocialEnterprise.Shared;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Workers.IntegrationTests.ServiceLevels;

/// <summary>
/// A test's own SLA policy (24/7 or a given calendar, one target for every priority), a routing rule that applies it
/// to messages carrying a marker word, the real intake carrier to open conversations and the real clock scheduler, all
/// on one <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class ServiceLevelWorld : IAsyncDisposable
{
    private readonly MigratedDatabase _database;
    private readonly List<IHost> _schedulers = [];
    private readonly CancellationTokenSource _stop = new();

    private ServiceLevelWorld(MigratedDatabase database, FakeTimeProvider time, string policy, IHost intake)
    {
        _database = database;
        Time = time;
        Policy = policy;
        Marker = $"mk{Guid.NewGuid():N}"[..14];
        Intake = intake;
    }

    public FakeTimeProvider Time { get; }

    public string Policy { get; }

    public string Marker { get; }

    public IHost Intake { get; }

    public static async Task<ServiceLevelWorld> CreateAsync(
        MigratedDatabase database, TimeSpan firstResponse, TimeSpan? resolution = null, string calendar = SlaCalendarNames.AroundTheClock,
        DateTimeOffset? start = null)
    {
        // Whole seconds, so that moments compare exactly after a round trip through PostgreSQL (microseconds).
        var now = start ?? DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var time = new FakeTimeProvider(now);
        var name = $"t{Guid.NewGuid():N}"[..20];
        var world = new ServiceLevelWorld(database, time, name, ListeningHost.Create(database.ConnectionString, time));
        await using var db = database.NewDbContext();
        db.SlaPolicies.Add(SlaPolicy.New(
            name, "test", calendar,
            Priorities.All.SelectMany(p => new[]
            {
                new SlaTarget(ServiceLevelMetrics.FirstResponse, p, firstResponse),
                new SlaTarget(ServiceLevelMetrics.NextResponse, p, firstResponse),
                new SlaTarget(ServiceLevelMetrics.Resolution, p, resolution ?? firstResponse * 10),
            }),
            [], "test", now));
        var position = (await db.RoutingRules.MaxAsync(r => (int?)r.Position) ?? 0) + 1;
        db.RoutingRules.Add(RoutingRule.New(
            $"sla {name}", position, true, [new RoutingCondition(RoutingFields.Keywords, [world.Marker])],
            [new RoutingAction(RoutingActionTypes.ApplySlaPolicy, SlaPolicy: name)], false, "test", now));
        await db.SaveChangesAsync();
        return world;
    }

    /// <summary>A customer's message, written <paramref name="writtenAgo"/> before now, carried in by the intake; returns its conversation.</summary>
    public async Task<Guid> CustomerWritesAsync(string text, TimeSpan? writtenAgo = null, string? handle = null, string? threadId = null)
    {
        var now = Time.GetUtcNow();
        await using var dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        var request = ChannelEvents.Event($"{text} {Marker}", handle ?? $"c{Guid.NewGuid():N}"[..12], "Casey Customer",
            MessageKinds.Post, occurredAt: now - (writtenAgo ?? TimeSpan.Zero), threadId: threadId);
        var accepted = await IngestQueue.AcceptAsync(dataSource, [new IngestSubmission(IngestChannels.All.Order(StringComparer.Ordinal).First(), request, now)], CancellationToken.None);
        await Intake.Carrier().DrainAsync(CancellationToken.None);
        await using var db = _database.NewDbContext();
        var stored = await db.IngestEvents.AsNoTracking().SingleAsync(e => e.Id == accepted[0].Id);
        return stored.ConversationId
            ?? throw new InvalidOperationException($"The message was not stored: {stored.Status} {stored.FilterReason} {stored.LastError}");
    }

    public async Task<List<ServiceLevelClock>> ClocksAsync(Guid conversationId)
    {
        await using var db = _database.NewDbContext();
        return await db.ServiceLevelClocks.AsNoTracking().Where(c => c.ConversationId == conversationId).OrderBy(c => c.StartedAt).ToListAsync();
    }

    public async Task<ServiceLevelClock> ClockAsync(Guid conversationId, string metric) =>
        (await ClocksAsync(conversationId)).Where(c => c.Metric == metric).OrderBy(c => c.StartedAt).Last();

    /// <summary>Changes the conversation as the Api does (loaded, changed, saved in one unit of work).</summary>
    public async Task ChangeAsync(Guid conversationId, Action<Conversation, DateTimeOffset> change)
    {
        await using var scope = Intake.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var conversation = await db.Conversations.SingleAsync(c => c.Id == conversationId);
        change(conversation, Time.GetUtcNow());
        await db.SaveChangesAsync();
    }

    public async Task<List<string>> EventsAsync(Guid conversationId)
    {
        await using var db = _database.NewDbContext();
        var stream = ConversationStream.Of(conversationId);
        return await db.EventLog.AsNoTracking().Where(e => e.StreamId == stream).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync();
    }

    /// <summary>Starts a scheduler as the Workers run it (its own host, listening to the database's notifications).</summary>
    public async Task<IHost> StartSchedulerAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{Resources.Database}"] = _database.ConnectionString;
        builder.Services.TryAddSingleton<TimeProvider>(Time);
        builder.AddCrmDatabase();
        builder.AddCrmNotifications();
        builder.Services.AddServiceLevelScheduler();
        builder.Services.AddHostedService<SchedulerLoop>();
        var host = builder.Build();
        await host.StartAsync();
        _schedulers.Add(host);
        return host;
    }

    public static async Task StopAsync(IHost host)
    {
        await host.StopAsync();
        host.Dispose();
    }

    /// <summary>Moves the fake clock to <paramref name="at"/> in steps, so that timers set on the way fire in order.</summary>
    public void AdvanceTo(DateTimeOffset at)
    {
        var now = Time.GetUtcNow();
        if (at > now)
        {
            Time.Advance(at - now);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _schedulers)
        {
            try
            {
                await host.StopAsync();
            }
            catch (ObjectDisposedException)
            {
            }

            host.Dispose();
        }

        Intake.Dispose();
        _stop.Dispose();
    }

    private sealed class SchedulerLoop(ServiceLevelScheduler scheduler, PostgresNotifications notifications) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var subscription = notifications.Subscribe(NotificationChannels.ServiceLevelClocks, scheduler.Changed);
            await scheduler.RunAsync(stoppingToken);
        }
    }
}
