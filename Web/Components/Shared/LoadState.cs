using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Components.Shared;

/// <summary>
/// A page's loading state in one place: loading until the first load ends, then either loaded or the reason it failed
/// in words ("The approvals could not be loaded: …"); loading again (a retry, the next event) keeps what is shown.
/// </summary>
public sealed class LoadState(string what)
{
    public bool Loading { get; private set; } = true;

    public string? Error { get; private set; }

    /// <summary>Runs <paramref name="load"/>; an Api failure becomes <see cref="Error"/> rather than an exception.</summary>
    public async Task<bool> RunAsync(Func<Task> load)
    {
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

    /// <summary>Shows the loading state again (another query, a retry the person asked for).</summary>
    public void Restart() => Loading = true;
}
