using SocialEnterprise.Contracts.Conversations;

namespace SocialEnterprise.Web.Operations;

/// <summary>The inbox, saved views and a conversation's own actions (status, assignee, follow, notes).</summary>
public sealed class ConversationsClient(ApiTransport api)
{
    public Task<ConversationPage> InboxAsync(InboxQuery query, int limit, int offset, CancellationToken cancellationToken) =>
        api.ReadAsync<ConversationPage>(HttpMethod.Get, $"api/conversations?{Join(query.ToQueryString(), $"limit={limit}&offset={offset}")}", null, cancellationToken);

    public async Task<IReadOnlyList<InboxViewCount>> InboxCountsAsync(CancellationToken cancellationToken) =>
        await api.ReadAsync<List<InboxViewCount>>(HttpMethod.Get, "api/inbox/counts", null, cancellationToken);

    public async Task<IReadOnlyList<SavedViewView>> SavedViewsAsync(CancellationToken cancellationToken) =>
        await api.ReadAsync<List<SavedViewView>>(HttpMethod.Get, "api/inbox/views", null, cancellationToken);

    public Task<SavedViewView> SaveViewAsync(string name, InboxQuery query, CancellationToken cancellationToken) =>
        api.ReadAsync<SavedViewView>(HttpMethod.Post, "api/inbox/views", new SavedViewRequest(name, query.ToQueryString()), cancellationToken);

    public Task DeleteViewAsync(Guid id, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Delete, $"api/inbox/views/{id}", null, cancellationToken);

    public Task<ConversationDetail> ConversationAsync(Guid id, CancellationToken cancellationToken) =>
        api.ReadAsync<ConversationDetail>(HttpMethod.Get, $"api/conversations/{id}", null, cancellationToken);

    public Task ChangeStatusAsync(Guid id, string status, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Post, $"api/conversations/{id}/status", new ConversationStatusRequest(status), cancellationToken);

    public Task AssignAsync(Guid id, Guid? staffId, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Put, $"api/conversations/{id}/assignee", new AssignRequest(staffId), cancellationToken);

    public Task FollowAsync(Guid id, bool follow, CancellationToken cancellationToken) =>
        api.CallAsync(follow ? HttpMethod.Put : HttpMethod.Delete, $"api/conversations/{id}/follow", null, cancellationToken);

    public Task<NoteView> AddNoteAsync(Guid id, string text, CancellationToken cancellationToken) =>
        api.ReadAsync<NoteView>(HttpMethod.Post, $"api/conversations/{id}/notes", new NoteRequest(text), cancellationToken);

    private static string Join(string first, string second) => first.Length == 0 ? second : $"{first}&{second}";
}
