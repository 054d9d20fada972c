using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Components.Authorization;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Assignment;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Filtering;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Operations;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Contracts.Reports;
using SocialEnterprise.Contracts.Routing;
using SocialEnterprise.Contracts.ServiceLevels;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Web.Access;

namespace SocialEnterprise.Web.Operations;

/// <summary>
/// The Api as the signed-in staff member calls it: every request carries a short-lived token with their roles and
/// departments, so the Api applies the same rules to the workspace as to anyone else.
/// </summary>
public sealed class CrmApiClient(IHttpClientFactory clients, AuthenticationStateProvider authentication, StaffTokens tokens)
{
    public const string HttpClientName = "api";

    public async Task<SystemStatus> GetSystemStatusAsync(CancellationToken cancellationToken) =>
        await ReadAsync<SystemStatus>(HttpMethod.Get, "api/system/status", null, cancellationToken);

    public Task<ProbeResponse> SendProbeAsync(string requestedBy, CancellationToken cancellationToken) =>
        ReadAsync<ProbeResponse>(HttpMethod.Post, "api/probes", new ProbeRequest(requestedBy), cancellationToken);

    public async Task<IReadOnlyList<ProbeResponse>> RecentProbesAsync(int take, CancellationToken cancellationToken) =>
        await ReadAsync<List<ProbeResponse>>(HttpMethod.Get, $"api/probes?take={take}", null, cancellationToken);

    public async Task<IReadOnlyList<ApiKeyResponse>> ApiKeysAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<ApiKeyResponse>>(HttpMethod.Get, "api/admin/api-keys", null, cancellationToken);

    public Task<CreatedApiKeyResponse> CreateApiKeyAsync(string name, IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
        ReadAsync<CreatedApiKeyResponse>(HttpMethod.Post, "api/admin/api-keys", new CreateApiKeyRequest(name, scopes), cancellationToken);

    public Task RevokeApiKeyAsync(Guid id, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Delete, $"api/admin/api-keys/{id}", null, cancellationToken);

    public Task<AuditPage> AuditAsync(AuditQuery query, long? before, int take, CancellationToken cancellationToken) =>
        ReadAsync<AuditPage>(HttpMethod.Get, $"api/admin/audit?{query.ToQueryString()}&take={take}{(before is { } b ? $"&before={b}" : "")}", null, cancellationToken);

    public async Task<byte[]> ExportAuditAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"api/admin/audit/export?{query.ToQueryString()}", null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<NoiseRuleView>> NoiseRulesAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<NoiseRuleView>>(HttpMethod.Get, "api/noise-rules", null, cancellationToken);

    public Task<NoiseRuleView> CreateNoiseRuleAsync(NoiseRuleRequest rule, CancellationToken cancellationToken) =>
        ReadAsync<NoiseRuleView>(HttpMethod.Post, "api/noise-rules", rule, cancellationToken);

    public Task<NoiseRuleView> ChangeNoiseRuleAsync(Guid id, NoiseRuleRequest rule, CancellationToken cancellationToken) =>
        ReadAsync<NoiseRuleView>(HttpMethod.Put, $"api/noise-rules/{id}", rule, cancellationToken);

    public Task DeleteNoiseRuleAsync(Guid id, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Delete, $"api/noise-rules/{id}", null, cancellationToken);

    public Task<IntakeEventPage> FilteredEventsAsync(string? channel, int limit, int offset, CancellationToken cancellationToken) =>
        ReadAsync<IntakeEventPage>(HttpMethod.Get, $"api/ingest/filtered?{IntakeQuery(channel, limit, offset)}", null, cancellationToken);

    public Task RestoreFilteredEventAsync(Guid id, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"api/ingest/filtered/{id}/restore", null, cancellationToken);

    public Task<IntakeEventPage> ParkedEventsAsync(string? channel, int limit, int offset, CancellationToken cancellationToken) =>
        ReadAsync<IntakeEventPage>(HttpMethod.Get, $"api/ingest/parked?{IntakeQuery(channel, limit, offset)}", null, cancellationToken);

    public Task ReplayParkedEventAsync(Guid id, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"api/ingest/parked/{id}/replay", null, cancellationToken);

    public async Task<IReadOnlyList<TopicView>> TopicsAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<TopicView>>(HttpMethod.Get, "api/topics", null, cancellationToken);

    public Task<TopicView> CreateTopicAsync(TopicRequest topic, CancellationToken cancellationToken) =>
        ReadAsync<TopicView>(HttpMethod.Post, "api/topics", topic, cancellationToken);

    public Task<TopicView> ChangeTopicAsync(string key, TopicRequest topic, CancellationToken cancellationToken) =>
        ReadAsync<TopicView>(HttpMethod.Put, $"api/topics/{Uri.EscapeDataString(key)}", topic, cancellationToken);

    public Task DeleteTopicAsync(string key, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Delete, $"api/topics/{Uri.EscapeDataString(key)}", null, cancellationToken);

    public async Task<IReadOnlyList<MergeSuggestionView>> OpenMergeSuggestionsAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<MergeSuggestionView>>(HttpMethod.Get, "api/customers/merge-suggestions?status=open", null, cancellationToken);

    public Task DismissMergeSuggestionAsync(Guid id, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"api/customers/merge-suggestions/{id}/dismiss", null, cancellationToken);

    public async Task<IReadOnlyList<MergeView>> MergesAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<MergeView>>(HttpMethod.Get, "api/customers/merges", null, cancellationToken);

    public Task<MergeView> MergeCustomersAsync(MergeRequest merge, CancellationToken cancellationToken) =>
        ReadAsync<MergeView>(HttpMethod.Post, "api/customers/merges", merge, cancellationToken);

    public Task<MergeView> UndoMergeAsync(Guid id, CancellationToken cancellationToken) =>
        ReadAsync<MergeView>(HttpMethod.Post, $"api/customers/merges/{id}/undo", null, cancellationToken);

    public Task<ConversationPage> InboxAsync(InboxQuery query, int limit, int offset, CancellationToken cancellationToken) =>
        ReadAsync<ConversationPage>(HttpMethod.Get, $"api/conversations?{Join(query.ToQueryString(), $"limit={limit}&offset={offset}")}", null, cancellationToken);

    public async Task<IReadOnlyList<InboxViewCount>> InboxCountsAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<InboxViewCount>>(HttpMethod.Get, "api/inbox/counts", null, cancellationToken);

    public async Task<IReadOnlyList<SavedViewView>> SavedViewsAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<SavedViewView>>(HttpMethod.Get, "api/inbox/views", null, cancellationToken);

    public Task<SavedViewView> SaveViewAsync(string name, InboxQuery query, CancellationToken cancellationToken) =>
        ReadAsync<SavedViewView>(HttpMethod.Post, "api/inbox/views", new SavedViewRequest(name, query.ToQueryString()), cancellationToken);

    public Task DeleteViewAsync(Guid id, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Delete, $"api/inbox/views/{id}", null, cancellationToken);

    public Task<ConversationDetail> ConversationAsync(Guid id, CancellationToken cancellationToken) =>
        ReadAsync<ConversationDetail>(HttpMethod.Get, $"api/conversations/{id}", null, cancellationToken);

    public Task ChangeStatusAsync(Guid id, string status, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"api/conversations/{id}/status", new ConversationStatusRequest(status), cancellationToken);

    public Task AssignAsync(Guid id, Guid? staffId, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, $"api/conversations/{id}/assignee", new AssignRequest(staffId), cancellationToken);

    public Task FollowAsync(Guid id, bool follow, CancellationToken cancellationToken) =>
        CallAsync(follow ? HttpMethod.Put : HttpMethod.Delete, $"api/conversations/{id}/follow", null, cancellationToken);

    public Task<NoteView> AddNoteAsync(Guid id, string text, CancellationToken cancellationToken) =>
        ReadAsync<NoteView>(HttpMethod.Post, $"api/conversations/{id}/notes", new NoteRequest(text), cancellationToken);

    /// <summary>Sends a failed reply again (it rejoins the outbound queue).</summary>
    public Task<Contracts.Replies.ThreadReplyView> RetryReplyAsync(Guid conversationId, Guid replyId, CancellationToken cancellationToken) =>
        ReadAsync<Contracts.Replies.ThreadReplyView>(HttpMethod.Post, $"api/conversations/{conversationId}/replies/{replyId}/retry", null, cancellationToken);

    public async Task<IReadOnlyList<StaffMemberView>> StaffAsync(string? department, CancellationToken cancellationToken) =>
        await ReadAsync<List<StaffMemberView>>(
            HttpMethod.Get, department is null ? "api/staff" : $"api/staff?department={Uri.EscapeDataString(department)}", null, cancellationToken);

    public Task<CustomerProfile> CustomerAsync(Guid id, CancellationToken cancellationToken) =>
        ReadAsync<CustomerProfile>(HttpMethod.Get, $"api/customers/{id}", null, cancellationToken);

    public Task<TimelinePage> CustomerTimelineAsync(Guid id, DateTimeOffset? before, int limit, CancellationToken cancellationToken) =>
        ReadAsync<TimelinePage>(
            HttpMethod.Get,
            $"api/customers/{id}/timeline?limit={limit}{(before is { } b ? $"&before={Uri.EscapeDataString(b.ToString("O"))}" : "")}",
            null, cancellationToken);

    public async Task<IReadOnlyList<SentimentPoint>> CustomerSentimentAsync(Guid id, int days, CancellationToken cancellationToken) =>
        await ReadAsync<List<SentimentPoint>>(HttpMethod.Get, $"api/customers/{id}/sentiment?days={days}", null, cancellationToken);

    public Task<UnifiedFront> UnifiedFrontAsync(Guid id, int days, CancellationToken cancellationToken) =>
        ReadAsync<UnifiedFront>(HttpMethod.Get, $"api/customers/{id}/unified-front?days={days}", null, cancellationToken);

    /// <summary>The conversation's service-level clocks, consults rolled up into the customer's clock, and its banner line.</summary>
    public Task<ConversationServiceLevels> ConversationServiceLevelsAsync(Guid conversationId, CancellationToken cancellationToken) =>
        ReadAsync<ConversationServiceLevels>(HttpMethod.Get, $"api/conversations/{conversationId}/sla", null, cancellationToken);

    public async Task<IReadOnlyList<SlaPolicyView>> SlaPoliciesAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<SlaPolicyView>>(HttpMethod.Get, "api/sla/policies", null, cancellationToken);

    public async Task<IReadOnlyList<SlaCalendarView>> SlaCalendarsAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<SlaCalendarView>>(HttpMethod.Get, "api/sla/calendars", null, cancellationToken);

    public Task<SlaPolicyView> SaveSlaPolicyAsync(string? existing, SlaPolicyRequest policy, CancellationToken cancellationToken) =>
        ReadAsync<SlaPolicyView>(existing is null ? HttpMethod.Post : HttpMethod.Put,
            existing is null ? "api/sla/policies" : $"api/sla/policies/{Uri.EscapeDataString(existing)}", policy, cancellationToken);

    public Task<SlaCalendarView> SaveSlaCalendarAsync(string? existing, SlaCalendarRequest calendar, CancellationToken cancellationToken) =>
        ReadAsync<SlaCalendarView>(existing is null ? HttpMethod.Post : HttpMethod.Put,
            existing is null ? "api/sla/calendars" : $"api/sla/calendars/{Uri.EscapeDataString(existing)}", calendar, cancellationToken);

    public async Task<IReadOnlyList<ConsultView>> ConsultsAsync(Guid conversationId, CancellationToken cancellationToken) =>
        await ReadAsync<List<ConsultView>>(HttpMethod.Get, $"api/conversations/{conversationId}/consults", null, cancellationToken);

    public Task<ConsultView> RequestConsultAsync(Guid conversationId, ConsultRequest consult, CancellationToken cancellationToken) =>
        ReadAsync<ConsultView>(HttpMethod.Post, $"api/conversations/{conversationId}/consults", consult, cancellationToken);

    public async Task<IReadOnlyList<ExpertSuggestion>> ExpertsAsync(Guid conversationId, string? department, CancellationToken cancellationToken) =>
        await ReadAsync<List<ExpertSuggestion>>(
            HttpMethod.Get,
            $"api/conversations/{conversationId}/experts{(department is null ? "" : $"?department={Uri.EscapeDataString(department)}")}",
            null, cancellationToken);

    /// <summary>Consults waiting on the caller's departments (or on <paramref name="department"/>), due soonest first.</summary>
    public async Task<IReadOnlyList<ConsultView>> WaitingConsultsAsync(string? department, CancellationToken cancellationToken) =>
        await ReadAsync<List<ConsultView>>(
            HttpMethod.Get, department is null ? "api/consults" : $"api/consults?department={Uri.EscapeDataString(department)}", null, cancellationToken);

    public Task<ConsultView> AcceptConsultAsync(Guid id, CancellationToken cancellationToken) =>
        ReadAsync<ConsultView>(HttpMethod.Post, $"api/consults/{id}/accept", null, cancellationToken);

    public Task<ConsultView> AnswerConsultAsync(Guid id, string answer, CancellationToken cancellationToken) =>
        ReadAsync<ConsultView>(HttpMethod.Post, $"api/consults/{id}/answer", new ConsultAnswerRequest(answer), cancellationToken);

    public Task<ConsultView> DeclineConsultAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        ReadAsync<ConsultView>(HttpMethod.Post, $"api/consults/{id}/decline", new ConsultDeclineRequest(reason), cancellationToken);

    public Task<NotificationPage> NotificationsAsync(int limit, CancellationToken cancellationToken) =>
        ReadAsync<NotificationPage>(HttpMethod.Get, $"api/notifications?limit={limit}", null, cancellationToken);

    public Task MarkNotificationReadAsync(Guid id, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"api/notifications/{id}/read", null, cancellationToken);

    public Task MarkAllNotificationsReadAsync(CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, "api/notifications/read-all", null, cancellationToken);

    public async Task<IReadOnlyList<DepartmentActivityEntry>> DepartmentActivityAsync(string department, CancellationToken cancellationToken) =>
        await ReadAsync<List<DepartmentActivityEntry>>(HttpMethod.Get, $"api/departments/{Uri.EscapeDataString(department)}/activity", null, cancellationToken);

    public async Task<IReadOnlyList<DepartmentView>> DepartmentsAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<DepartmentView>>(HttpMethod.Get, "api/departments", null, cancellationToken);

    public Task ChangeDepartmentAsync(string id, string strategy, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, $"api/departments/{Uri.EscapeDataString(id)}", new DepartmentRequest(strategy), cancellationToken);

    public async Task<IReadOnlyList<QueuedConversationView>> DepartmentQueueAsync(string id, CancellationToken cancellationToken) =>
        await ReadAsync<List<QueuedConversationView>>(HttpMethod.Get, $"api/departments/{Uri.EscapeDataString(id)}/queue", null, cancellationToken);

    public Task<StaffProfileView> StaffProfileAsync(Guid id, CancellationToken cancellationToken) =>
        ReadAsync<StaffProfileView>(HttpMethod.Get, $"api/staff/{id}", null, cancellationToken);

    public Task<StaffProfileView> AddStaffAsync(NewStaffRequest staff, CancellationToken cancellationToken) =>
        ReadAsync<StaffProfileView>(HttpMethod.Post, "api/staff", staff, cancellationToken);

    public Task ChangeStaffAsync(Guid id, StaffSettingsRequest settings, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, $"api/staff/{id}", settings, cancellationToken);

    public Task ChangeAvailabilityAsync(Guid id, string availability, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, $"api/staff/{id}/availability", new AvailabilityRequest(availability), cancellationToken);

    public Task ClaimAsync(Guid id, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, $"api/conversations/{id}/claim", null, cancellationToken);

    public Task<ServiceLevelReport> ServiceLevelReportAsync(ServiceLevelReportQuery query, CancellationToken cancellationToken) =>
        ReadAsync<ServiceLevelReport>(HttpMethod.Get, $"api/reports/service-levels?{query.ToQueryString()}", null, cancellationToken);

    /// <summary>
    /// The report's clocks as CSV, streamed from the Api as the signed-in user (the Api audits the export); disposing
    /// the stream ends the download.
    /// </summary>
    public async Task<Stream> ServiceLevelCsvAsync(ServiceLevelReportQuery query, CancellationToken cancellationToken)
    {
        var response = await SendAsync(
            HttpMethod.Get, $"api/reports/service-levels.csv?{query.ToQueryString()}", null, cancellationToken, HttpCompletionOption.ResponseHeadersRead);
        try
        {
            await EnsureSuccessAsync(response, cancellationToken);
            return await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Whether the Api reports itself ready, and what it said (no token: health is public).</summary>
    public async Task<IReadOnlyList<RoutingRuleView>> RoutingRulesAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<RoutingRuleView>>(HttpMethod.Get, "api/routing-rules", null, cancellationToken);

    public Task<RoutingRuleView> CreateRoutingRuleAsync(RoutingRuleRequest rule, CancellationToken cancellationToken) =>
        ReadAsync<RoutingRuleView>(HttpMethod.Post, "api/routing-rules", rule, cancellationToken);

    public Task<RoutingRuleView> ChangeRoutingRuleAsync(Guid id, RoutingRuleRequest rule, CancellationToken cancellationToken) =>
        ReadAsync<RoutingRuleView>(HttpMethod.Put, $"api/routing-rules/{id}", rule, cancellationToken);

    public Task DeleteRoutingRuleAsync(Guid id, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Delete, $"api/routing-rules/{id}", null, cancellationToken);

    public async Task<IReadOnlyList<RoutingRuleView>> ReorderRoutingRulesAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken) =>
        await ReadAsync<List<RoutingRuleView>>(HttpMethod.Post, "api/routing-rules/order", new RoutingRuleOrderRequest(ids), cancellationToken);

    public Task<RoutingDryRunResult> DryRunRoutingAsync(RoutingDryRunRequest request, CancellationToken cancellationToken) =>
        ReadAsync<RoutingDryRunResult>(HttpMethod.Post, "api/routing-rules/dry-run", request, cancellationToken);

    /// <summary>Sends a reply; the reply guard's refusal (409) comes back as <see cref="ReplySendResult.Refusal"/> rather than as an exception.</summary>
    public async Task<ReplySendResult> SendReplyAsync(Guid conversationId, SendReplyRequest reply, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"api/conversations/{conversationId}/replies", reply, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new ReplySendResult(null, JsonSerializer.Deserialize<ReplyGuardRefusal>(body, JsonSerializerOptions.Web)
                ?? throw ApiProblemException.From(response.StatusCode, body));
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return new ReplySendResult(await response.Content.ReadFromJsonAsync<ReplyView>(cancellationToken), null);
    }

    public Task<ReplyPolicyView> ReplyPolicyAsync(Guid conversationId, CancellationToken cancellationToken) =>
        ReadAsync<ReplyPolicyView>(HttpMethod.Get, $"api/conversations/{conversationId}/replies/policy", null, cancellationToken);

    public Task<DraftView> DraftAsync(Guid conversationId, CancellationToken cancellationToken) =>
        ReadAsync<DraftView>(HttpMethod.Get, $"api/conversations/{conversationId}/draft", null, cancellationToken);

    /// <summary>Saves the shared draft; when a colleague saved in between (409) the result carries their draft instead.</summary>
    public async Task<DraftSaveResult> SaveDraftAsync(Guid conversationId, SaveDraftRequest draft, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, $"api/conversations/{conversationId}/draft", draft, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("current", out var current)
                ? new DraftSaveResult(null, current.Deserialize<DraftView>(JsonSerializerOptions.Web), problem.RootElement.GetProperty("detail").GetString())
                : throw ApiProblemException.From(response.StatusCode, body);
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return new DraftSaveResult(await response.Content.ReadFromJsonAsync<DraftView>(cancellationToken), null, null);
    }

    public Task DiscardDraftAsync(Guid conversationId, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Delete, $"api/conversations/{conversationId}/draft", null, cancellationToken);

    public async Task<IReadOnlyList<CannedResponseView>> CannedResponsesAsync(string? search, CancellationToken cancellationToken) =>
        await ReadAsync<List<CannedResponseView>>(
            HttpMethod.Get, search is { Length: > 0 } ? $"api/canned-responses?q={Uri.EscapeDataString(search)}" : "api/canned-responses", null, cancellationToken);

    public Task<CannedResponseView> CreateCannedResponseAsync(CannedResponseRequest canned, CancellationToken cancellationToken) =>
        ReadAsync<CannedResponseView>(HttpMethod.Post, "api/canned-responses", canned, cancellationToken);

    public Task<CannedResponseView> ChangeCannedResponseAsync(Guid id, CannedResponseRequest canned, CancellationToken cancellationToken) =>
        ReadAsync<CannedResponseView>(HttpMethod.Put, $"api/canned-responses/{id}", canned, cancellationToken);

    public Task DeleteCannedResponseAsync(Guid id, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Delete, $"api/canned-responses/{id}", null, cancellationToken);

    public Task<RenderedCannedResponse> RenderCannedResponseAsync(Guid conversationId, Guid cannedId, CancellationToken cancellationToken) =>
        ReadAsync<RenderedCannedResponse>(HttpMethod.Post, $"api/conversations/{conversationId}/canned-responses/{cannedId}/render", null, cancellationToken);

    public async Task<IReadOnlyList<ApprovalView>> ApprovalsAsync(CancellationToken cancellationToken) =>
        await ReadAsync<List<ApprovalView>>(HttpMethod.Get, "api/approvals", null, cancellationToken);

    public Task<ReplyView> ApproveReplyAsync(Guid id, CancellationToken cancellationToken) =>
        ReadAsync<ReplyView>(HttpMethod.Post, $"api/replies/{id}/approve", null, cancellationToken);

    public Task<ReplyView> RejectReplyAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        ReadAsync<ReplyView>(HttpMethod.Post, $"api/replies/{id}/reject", new RejectReplyRequest(reason), cancellationToken);

    public async Task<(bool Ready, string Detail)> CheckReadyAsync(CancellationToken cancellationToken)
    {
        using var response = await clients.CreateClient(HttpClientName).GetAsync("health", cancellationToken);
        return (response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private async Task<T> ReadAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
               ?? throw new InvalidOperationException($"The Api answered {method} {path} with nothing.");
    }

    private async Task CallAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var staff = StaffMember.From((await authentication.GetAuthenticationStateAsync()).User)
                    ?? throw new HttpRequestException("Not signed in.", null, HttpStatusCode.Unauthorized);
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staff.TokenFrom(tokens));
        return await clients.CreateClient(HttpClientName).SendAsync(request, completion, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw ApiProblemException.From(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    private static string Join(string first, string second) => first.Length == 0 ? second : $"{first}&{second}";

    private static string IntakeQuery(string? channel, int limit, int offset) =>
        $"{(channel is { Length: > 0 } ? $"channel={Uri.EscapeDataString(channel)}&" : "")}limit={limit}&offset={offset}";
}

/// <summary>A sent reply, or the reply guard's refusal.</summary>
public sealed record ReplySendResult(ReplyView? Reply, ReplyGuardRefusal? Refusal);

/// <summary>The saved draft, or a colleague's draft that was saved in between (with the Api's words for it).</summary>
public sealed record DraftSaveResult(DraftView? Saved, DraftView? Theirs, string? Conflict);

/// <summary>The audit log's filters as the workspace sends them.</summary>
public sealed record AuditQuery(string? Action, string? Actor, DateTimeOffset? Since, DateTimeOffset? Until)
{
    public string ToQueryString() => string.Join('&', new[]
    {
        Action is { Length: > 0 } ? $"action={Uri.EscapeDataString(Action)}" : null,
        Actor is { Length: > 0 } ? $"actor={Uri.EscapeDataString(Actor)}" : null,
        Since is { } since ? $"since={Uri.EscapeDataString(since.ToString("O"))}" : null,
        Until is { } until ? $"until={Uri.EscapeDataString(until.ToString("O"))}" : null,
    }.Where(part => part is not null));
}
