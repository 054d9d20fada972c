using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.TestSupport;
using SocialEnterprise.Workers.Operations;

namespace SocialEnterprise.Workers.IntegrationTests.Operations;

/// <summary>The gauges an operator watches in the dashboard: how much waits, and for how long.</summary>
public sealed class QueueGaugesTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_intake_backlog_and_the_age_of_its_oldest_event_are_read_from_the_queue()
    {
        var acceptedAt = DateTimeOffset.UtcNow.AddMinutes(-10);
        var time = new FakeTimeProvider(acceptedAt.AddSeconds(90));
        await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
        {
            await IngestQueue.AcceptAsync(dataSource, [
                new IngestSubmission("x", ChannelEvents.Event("Where is my parcel?", "gauge_one"), acceptedAt),
                new IngestSubmission("x", ChannelEvents.Event("Still waiting for my refund", "gauge_two"), acceptedAt.AddSeconds(30)),
                new IngestSubmission("email", ChannelEvents.Event("Any news?", "gauge_three"), acceptedAt.AddSeconds(60)),
            ], _cancellation);
        }

        var services = new ServiceCollection()
            .AddMetrics()
            .AddSingleton(CrmDatabaseExtensions.CrmDatabaseOptions(database.ConnectionString))
            .AddScoped<CrmDbContext>()
            .BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var backlog = new MetricCollector<long>(meters, ListeningMetrics.MeterName, "socialenterprise.intake.backlog");
        using var oldest = new MetricCollector<double>(meters, ListeningMetrics.MeterName, "socialenterprise.intake.backlog.oldest_age");
        var gauges = new QueueGauges(services.GetRequiredService<IServiceScopeFactory>(), meters, time, NullLogger<QueueGauges>.Instance);

        // Nothing read yet: the gauges report nothing rather than a made-up zero.
        backlog.RecordObservableInstruments();
        Assert.Empty(backlog.GetMeasurementSnapshot());

        await gauges.StartAsync(_cancellation);
        await Eventually.TrueAsync(() => gauges.Latest is not null, _cancellation);
        await gauges.StopAsync(_cancellation);
        backlog.RecordObservableInstruments();
        oldest.RecordObservableInstruments();

        Assert.Equal(3, backlog.LastMeasurement!.Value);
        Assert.Equal(90, oldest.LastMeasurement!.Value, precision: 3);
        Assert.Equal((0, 0, 0), (gauges.Latest!.Outbound, gauges.Latest.RunningClocks, gauges.Latest.BreachedClocks));
    }
}
