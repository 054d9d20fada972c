namespace SocialEnterprise.Web.Live;

/// <summary>
/// Turns a burst of live events into few reloads: the first request reloads at once, and requests that arrive while
/// a reload runs or within <c>interval</c> after it are served by one more reload at the end. A page under a
/// stream of hundreds of events a second thus reloads a few times a second and always ends up current.
/// </summary>
public sealed class LiveRefresh(Func<CancellationToken, Task> reload, TimeSpan interval, TimeProvider time) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private bool _running;
    private bool _requested;
    private Task _loop = Task.CompletedTask;

    /// <summary>How many reloads ran (for tests and diagnostics).</summary>
    public int Reloads { get; private set; }

    public void Request()
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _requested = true;
            if (_running)
            {
                return;
            }

            _running = true;
            _loop = Task.Run(RunAsync);
        }
    }

    /// <summary>Completes when no reload is running or due.</summary>
    public Task IdleAsync()
    {
        lock (_gate)
        {
            return _loop;
        }
    }

    private async Task RunAsync()
    {
        while (true)
        {
            lock (_gate)
            {
                if (!_requested || _stopping.IsCancellationRequested)
                {
                    _running = false;
                    return;
                }

                _requested = false;
            }

            try
            {
                Reloads++;
                await reload(_stopping.Token);
                await Task.Delay(interval, time, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
            catch (Exception)
            {
                // The page shows its own error; the next event tries again.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task loop;
        lock (_gate)
        {
            _stopping.Cancel();
            loop = _loop;
        }

        await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }
}
