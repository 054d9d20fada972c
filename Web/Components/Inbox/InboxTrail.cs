namespace SocialEnterprise.Web.Components.Inbox;

/// <summary>
/// The list a conversation was opened from, for this reader's session (one per circuit): its address, to go back with
/// its filters, and the conversations it showed in order, for previous and next without going back.
/// </summary>
public sealed class InboxTrail
{
    private List<Guid> _ids = [];

    /// <summary>The inbox's address with its filters (relative, as the inbox wrote it), or the plain inbox.</summary>
    public string Address { get; private set; } = "";

    /// <summary>How many the list counted (its loaded rows may be fewer).</summary>
    public int Total { get; private set; }

    public void Remember(string address, IEnumerable<Guid> ids, int total)
    {
        Address = address;
        _ids = [.. ids];
        Total = Math.Max(total, _ids.Count);
    }

    /// <summary>Where <paramref name="id"/> stands in the list: null when it is not in it (opened from elsewhere).</summary>
    public TrailPlace? PlaceOf(Guid id)
    {
        var index = _ids.IndexOf(id);
        return index < 0 ? null : new TrailPlace(
            index + 1, Total, index > 0 ? _ids[index - 1] : null, index + 1 < _ids.Count ? _ids[index + 1] : null);
    }
}

/// <summary>A conversation's place in the list it was opened from (1-based), and its neighbours there.</summary>
public sealed record TrailPlace(int Position, int Total, Guid? Previous, Guid? Next);
