using Microsoft.JSInterop;

namespace SocialEnterprise.Web.Components.Shared;

/// <summary>
/// A page's single-key shortcuts: a listener in the browser (a function of <c>workspace.js</c>) that hands each key to
/// the page's <c>[JSInvokable] ShortcutAsync(string key)</c>, removed with the page.
/// </summary>
public sealed class PageShortcuts<TPage> : IAsyncDisposable where TPage : class
{
    private DotNetObjectReference<TPage>? _page;
    private IJSObjectReference? _listener;

    /// <summary>Starts listening once; later calls do nothing.</summary>
    public async Task ListenAsync(IJSRuntime js, string function, TPage page)
    {
        if (_page is not null)
        {
            return;
        }

        _page = DotNetObjectReference.Create(page);
        try
        {
            _listener = await js.InvokeAsync<IJSObjectReference>(function, _page);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone before the page came live: nothing to listen to.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_listener is not null)
        {
            try
            {
                await _listener.InvokeVoidAsync("dispose");
                await _listener.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the page's listener with it.
            }
        }

        _page?.Dispose();
    }
}
