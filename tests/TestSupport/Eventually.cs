namespace SocialEnterprise.TestSupport;

/// <summary>Waiting for a condition another process brings about, where nothing can be awaited directly.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static Task TrueAsync(Func<bool> condition, CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), cancellationToken, timeout);

    public static async Task TrueAsync(Func<Task<bool>> condition, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(limit);
        while (!await condition())
        {
            try
            {
                await Task.Delay(50, timer.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The condition did not become true within {limit.TotalSeconds:0} s.");
            }
        }
    }
}
