using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Probes;

namespace SocialEnterprise.Domain.Tests;

public sealed class PipelineProbeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Requesting_a_probe_records_that_it_was_requested()
    {
        var probe = PipelineProbe.Request("ops", Now);

        Assert.Equal(PipelineProbeStatuses.Requested, probe.Status);
        var requested = Assert.IsType<PipelineProbeRequested>(Assert.Single(probe.PendingEvents));
        Assert.Equal(new PipelineProbeRequested(probe.Id, "ops", Now), requested);
        Assert.Equal(PipelineProbeStream.Of(probe.Id), requested.StreamId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_probe_needs_someone_who_asked(string requestedBy) =>
        Assert.Throws<ArgumentException>(() => PipelineProbe.Request(requestedBy, Now));

    [Fact]
    public void Who_asked_is_bounded() =>
        Assert.Throws<ArgumentException>(() => PipelineProbe.Request(new string('x', PipelineProbe.MaxRequestedByLength + 1), Now));

    [Fact]
    public void Completing_records_the_worker_and_the_time_once()
    {
        var probe = PipelineProbe.Request("ops", Now);

        probe.Complete("worker/1", Now.AddMilliseconds(40));
        probe.Complete("worker/2", Now.AddMilliseconds(90));

        Assert.Equal(PipelineProbeStatuses.Completed, probe.Status);
        Assert.Equal("worker/1", probe.CompletedBy);
        var completed = Assert.Single(probe.PendingEvents.OfType<PipelineProbeCompleted>());
        Assert.Equal(TimeSpan.FromMilliseconds(40), completed.PipelineTime);
    }
}
