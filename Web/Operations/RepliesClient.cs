using System.Net;
using System.Text.Json;
using SocialEnterprise.Contracts.Replies;

namespace SocialEnterprise.Web.Operations;

/// <summary>Replies, the shared draft, canned responses and approvals.</summary>
public sealed class RepliesClient(ApiTransport api)
{
    /// <summary>Sends a failed reply again (it rejoins the outbound queue).</summary>
    public Task<Contracts.Replies.ThreadReplyView> RetryReplyAsync(Guid conversationId, Guid replyId, CancellationToken cancellationToken) =>
        api.ReadAsync<Contracts.Replies.ThreadReplyView>(HttpMethod.Post, $"api/conversations/{conversationId}/replies/{replyId}/retry", null, cancellationToken);

    /// <summary>Sends a reply; the reply guard's refusal (409) comes back as <see cref="ReplySendResult.Refusal"/> rather than as an exception.</summary>
    public async Task<ReplySendResult> SendReplyAsync(Guid conversationId, SendReplyRequest reply, CancellationToken cancellationToken)
    {
        using var response = await api.SendAsync(HttpMethod.Post, $"api/conversations/{conversationId}/replies", reply, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new ReplySendResult(null, JsonSerializer.Deserialize<ReplyGuardRefusal>(body, JsonSerializerOptions.Web)
                ?? throw ApiProblemException.From(response.StatusCode, body));
        }

        await ApiTransport.EnsureSuccessAsync(response, cancellationToken);
        return new ReplySendResult(await response.Content.ReadFromJsonAsync<ReplyView>(cancellationToken), null);
    }

    public Task<ReplyPolicyView> ReplyPolicyAsync(Guid conversationId, CancellationToken cancellationToken) =>
        api.ReadAsync<ReplyPolicyView>(HttpMethod.Get, $"api/conversations/{conversationId}/replies/policy", null, cancellationToken);

    public Task<DraftView> DraftAsync(Guid conversationId, CancellationToken cancellationToken) =>
        api.ReadAsync<DraftView>(HttpMethod.Get, $"api/conversations/{conversationId}/draft", null, cancellationToken);

    /// <summary>Saves the shared draft; when a colleague saved in between (409) the result carries their draft instead.</summary>
    public async Task<DraftSaveResult> SaveDraftAsync(Guid conversationId, SaveDraftRequest draft, CancellationToken cancellationToken)
    {
        using var response = await api.SendAsync(HttpMethod.Put, $"api/conversations/{conversationId}/draft", draft, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("current", out var current)
                ? new DraftSaveResult(null, current.Deserialize<DraftView>(JsonSerializerOptions.Web), problem.RootElement.GetProperty("detail").GetString())
                : throw ApiProblemException.From(response.StatusCode, body);
        }

        await ApiTransport.EnsureSuccessAsync(response, cancellationToken);
        return new DraftSaveResult(await response.Content.ReadFromJsonAsync<DraftView>(cancellationToken), null, null);
    }

    public Task DiscardDraftAsync(Guid conversationId, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Delete, $"api/conversations/{conversationId}/draft", null, cancellationToken);

    public async Task<IReadOnlyList<CannedResponseView>> CannedResponsesAsync(string? search, CancellationToken cancellationToken) =>
        await api.ReadAsync<List<CannedResponseView>>(
            HttpMethod.Get, search is { Length: > 0 } ? $"api/canned-responses?q={Uri.EscapeDataString(search)}" : "api/canned-responses", null, cancellationToken);

    public Task<CannedResponseView> CreateCannedResponseAsync(CannedResponseRequest canned, CancellationToken cancellationToken) =>
        api.ReadAsync<CannedResponseView>(HttpMethod.Post, "api/canned-responses", canned, cancellationToken);

    public Task<CannedResponseView> ChangeCannedResponseAsync(Guid id, CannedResponseRequest canned, CancellationToken cancellationToken) =>
        api.ReadAsync<CannedResponseView>(HttpMethod.Put, $"api/canned-responses/{id}", canned, cancellationToken);

    public Task DeleteCannedResponseAsync(Guid id, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Delete, $"api/canned-responses/{id}", null, cancellationToken);

    public Task<RenderedCannedResponse> RenderCannedResponseAsync(Guid conversationId, Guid cannedId, CancellationToken cancellationToken) =>
        api.ReadAsync<RenderedCannedResponse>(HttpMethod.Post, $"api/conversations/{conversationId}/canned-responses/{cannedId}/render", null, cancellationToken);

    public async Task<IReadOnlyList<ApprovalView>> ApprovalsAsync(CancellationToken cancellationToken) =>
        await api.ReadAsync<List<ApprovalView>>(HttpMethod.Get, "api/approvals", null, cancellationToken);

    public Task<ReplyView> ApproveReplyAsync(Guid id, CancellationToken cancellationToken) =>
        api.ReadAsync<ReplyView>(HttpMethod.Post, $"api/replies/{id}/approve", null, cancellationToken);

    public Task<ReplyView> RejectReplyAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        api.ReadAsync<ReplyView>(HttpMethod.Post, $"api/replies/{id}/reject", new RejectReplyRequest(reason), cancellationToken);
}

/// <summary>A sent reply, or the reply guard's refusal.</summary>
public sealed record ReplySendResult(ReplyView? Reply, ReplyGuardRefusal? Refusal);

/// <summary>The saved draft, or a colleague's draft that was saved in between (with the Api's words for it).</summary>
public sealed record DraftSaveResult(DraftView? Saved, DraftView? Theirs, string? Conflict);
