using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Components.Conversations;

/// <summary>Canned responses in the composer: searching them and inserting one, rendered for this conversation, into the draft.</summary>
public partial class ReplyComposer
{
    private async Task ToggleCannedAsync()
    {
        _cannedOpen = !_cannedOpen;
        if (_cannedOpen)
        {
            await SearchCannedAsync(_cannedSearch);
        }
    }

    private async Task SearchCannedAsync(string? search)
    {
        _cannedSearch = search ?? "";
        try
        {
            _canned = await RepliesClient.CannedResponsesAsync(_cannedSearch.Trim(), CancellationToken.None);
            _cannedError = null;
        }
        catch (HttpRequestException exception)
        {
            _cannedError = $"Canned responses could not be loaded: {ApiProblemException.ReasonOf(exception)}";
        }
    }

    private async Task InsertCannedAsync(CannedResponseView canned)
    {
        try
        {
            var rendered = await RepliesClient.RenderCannedResponseAsync(ConversationId, canned.Id, CancellationToken.None);
            _text = _text.Trim().Length == 0 ? rendered.Text : $"{_text.TrimEnd()}\n\n{rendered.Text}";
            _cannedOpen = false;
            _textError = null;
            await SaveDraftAsync();
        }
        catch (HttpRequestException exception)
        {
            _cannedError = $"\"{canned.Name}\" could not be inserted: {ApiProblemException.ReasonOf(exception)}";
        }
    }
}
