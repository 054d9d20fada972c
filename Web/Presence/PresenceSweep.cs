namespace SocialEnterprise.Web.Presence;

/// <summary>Every second: typing that went quiet ends, sessions that are gone leave (see <see cref="PresenceTracker"/>).</summary>
public sealed class PresenceSweep(PresenceTracker tracker, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await tracker.SweepAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
