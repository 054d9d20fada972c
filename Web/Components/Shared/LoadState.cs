using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Components.Shared;

/// <summary>
/// Where a page's load from the Api stands: running, failed (why, in words) or done. Pages load through it so that every
/// failure reads the same ("The audit log could not be loaded: …"), shows with a way to try again (<see cref="LoadView"/>),
/// and never escapes as an exception; what a page already shows stays while it reloads. Only the latest load speaks:
/// one that a later load overtook (a filter changed again meanwhile) changes neither the error nor what is shown.
/// </summary>
/// <param name="what">What is loaded, as the start of a sentence: "The filtered events".</param>
public sealed class LoadState(string what)
{
    private int _runs;

    public bool Loading { get; private set; }

    /// <summary>Why the last load failed; null once one succeeds.</summary>
    public string? Error { get; private set; }

    /// <summary>Runs <paramref name="load"/>; true when it succeeded.</summary>
    public Task<bool> RunAsync(Func<Task> load) => RunAsync(
        async () =>
        {
            await load();
            return true;
        },
        _ => { });

    /// <summary>
    /// Runs <paramref name="load"/> and hands what it loaded to <paramref name="show"/>, unless a later load started
    /// meanwhile; true when it was shown.
    /// </summary>
    public async Task<bool> RunAsync<T>(Func<Task<T>> load, Action<T> show)
    {
        var run = ++_runs;
        Loading = true;
        try
        {
            var loaded = await load();
            if (run != _runs)
            {
                return false;
            }

            show(loaded);
            Error = null;
            return true;
        }
        catch (HttpRequestException exception)
        {
            if (run == _runs)
            {
                Error = $"{what} could not be loaded: {ApiProblemException.ReasonOf(exception)}";
            }

            return false;
        }
        finally
        {
            if (run == _runs)
            {
                Loading = false;
            }
        }
    }
}
