using Microsoft.JSInterop;

namespace SocialEnterprise.Web.Components.Inbox;

/// <summary>The inbox from the keyboard: j and k move the selection, Enter opens, / searches, ? shows the help.</summary>
public partial class Inbox
{
    /// <summary>A shortcut key pressed on the page outside any field (see <c>workspace.js</c>).</summary>
    [JSInvokable]
    public async Task ShortcutAsync(string key)
    {
        switch (key)
        {
            case "j":
                Move(1);
                break;
            case "k":
                Move(-1);
                break;
            case "Enter":
                if (_selectedId is { } id)
                {
                    OpenSelected(id);
                }

                return;
            case "/":
                if (_searchField is not null)
                {
                    await _searchField.FocusAsync();
                }

                return;
            case "?":
                _help = !_help;
                break;
            default:
                return;
        }

        StateHasChanged();
    }

    private void Move(int step)
    {
        var count = RowCount;
        if (!ListShown || count == 0)
        {
            return;
        }

        var current = _selectedId is { } id ? IndexOf(id) ?? _selectedIndex : _selectedIndex;
        var next = current < 0 ? 0 : Math.Clamp(current + step, 0, count - 1);
        _selectedIndex = next;
        // A row not loaded yet is chosen when it arrives (see RowsAsync).
        _selectedId = _rows.TryGetValue(next, out var row) ? row.Id : null;
        _reveal = true;
    }

    private int? IndexOf(Guid id)
    {
        foreach (var (index, conversation) in _rows)
        {
            if (conversation.Id == id)
            {
                return index;
            }
        }

        return null;
    }
}
