using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Components.Shared;

/// <summary>
/// Where a page's load from the Api stands: running, failed (why, in words) or done. Pages load through it so that every
/// failure reads the same ("The audit log could not be loaded: …"), shows with a way to try again (<see cref="LoadView"/>),
/// and never escapes as an exception; what a page already shows stays while it reloads.
/// </summary>
/// <param name="what">What is loaded, as the start of a sentence: "The filtered events".</param>
public sealed class LoadState(string what)
{
    public bool Loading { get; private set; }

    /// <summary>Why the last load failed; null once one succeeds.</summary>
    public string? Error { get; private set; }

    /// <summary>Runs <paramref name="load"/>; true when it succeeded.</summary>
    public async Task<bool> RunAsync(Func<Task> load)
    {
        Loading = true;
        try
        {
            await load();
            Error = null;
            return true;
        }
        catch (HttpRequestException exception)
        {
            Error = $"{what} could not be loaded: {ApiProblemException.ReasonOf(exception)}";
            return false;
        }
        finally
        {
            Loading = false;
        }
    }
}
