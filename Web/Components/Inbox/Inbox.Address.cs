using Microsoft.AspNetCore.Components.Routing;
using SocialEnterprise.Contracts.Conversations;

namespace SocialEnterprise.Web.Components.Inbox;

/// <summary>The inbox's query lives in the address: filters, search and views navigate, and the list follows the address.</summary>
public partial class Inbox
{
    private void LocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (!IsInboxAddress(e.Location))
        {
            return;
        }

        var query = InboxQuery.Parse(new Uri(e.Location).Query);
        if (query == _query)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            _query = query;
            _search = query.Q;
            _selectedId = null;
            _selectedIndex = -1;
            // The views' counts do not depend on the query shown.
            await ReloadAsync(showLoading: true, withCounts: false, CancellationToken.None);
        });
    }

    private bool IsInboxAddress(string uri)
    {
        var path = Navigation.ToBaseRelativePath(uri).Split('?', '#')[0].TrimEnd('/');
        return path is "" or "inbox";
    }

    private InboxQuery QueryFromAddress() => InboxQuery.Parse(new Uri(Navigation.Uri).Query);

    private void Show(InboxQuery query)
    {
        var path = Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0];
        var search = query.ToQueryString();
        Navigation.NavigateTo(Navigation.BaseUri + path + (search.Length == 0 ? "" : $"?{search}"));
    }

    private void Filter(InboxFilter filter, string? value) =>
        Show(filter.Set(_query, string.IsNullOrEmpty(value) || value == filter.AnyValue ? null : value));

    private void Search(string? text)
    {
        _search = text;
        var q = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (q != _query.Q)
        {
            Show(_query with { Q = q });
        }
    }

    private void ClearFilters() => Show(new InboxQuery());
}
