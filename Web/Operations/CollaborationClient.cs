using SocialEnterprise.Contracts.Collaboration;

namespace SocialEnterprise.Web.Operations;

/// <summary>Consults between departments, notifications and department activity.</summary>
public sealed class CollaborationClient(ApiTransport api)
{
    public async Task<IReadOnlyList<ConsultView>> ConsultsAsync(Guid conversationId, CancellationToken cancellationToken) =>
        await api.ReadAsync<List<ConsultView>>(HttpMethod.Get, $"api/conversations/{conversationId}/consults", null, cancellationToken);

    public Task<ConsultView> RequestConsultAsync(Guid conversationId, ConsultRequest consult, CancellationToken cancellationToken) =>
        api.ReadAsync<ConsultView>(HttpMethod.Post, $"api/conversations/{conversationId}/consults", consult, cancellationToken);

    public async Task<IReadOnlyList<ExpertSuggestion>> ExpertsAsync(Guid conversationId, string? department, CancellationToken cancellationToken) =>
        await api.ReadAsync<List<ExpertSuggestion>>(
            HttpMethod.Get,
            $"api/conversations/{conversationId}/experts{(department is null ? "" : $"?department={Uri.EscapeDataString(department)}")}",
            null, cancellationToken);

    /// <summary>Consults waiting on the caller's departments (or on <paramref name="department"/>), due soonest first.</summary>
    public async Task<IReadOnlyList<ConsultView>> WaitingConsultsAsync(string? department, CancellationToken cancellationToken) =>
        await api.ReadAsync<List<ConsultView>>(
            HttpMethod.Get, department is null ? "api/consults" : $"api/consults?department={Uri.EscapeDataString(department)}", null, cancellationToken);

    public Task<ConsultView> AcceptConsultAsync(Guid id, CancellationToken cancellationToken) =>
        api.ReadAsync<ConsultView>(HttpMethod.Post, $"api/consults/{id}/accept", null, cancellationToken);

    public Task<ConsultView> AnswerConsultAsync(Guid id, string answer, CancellationToken cancellationToken) =>
        api.ReadAsync<ConsultView>(HttpMethod.Post, $"api/consults/{id}/answer", new ConsultAnswerRequest(answer), cancellationToken);

    public Task<ConsultView> DeclineConsultAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        api.ReadAsync<ConsultView>(HttpMethod.Post, $"api/consults/{id}/decline", new ConsultDeclineRequest(reason), cancellationToken);

    /// <param name="kind">One of <see cref="NotificationKinds.Groups"/>' ids, or null for every kind.</param>
    public Task<NotificationPage> NotificationsAsync(int limit, CancellationToken cancellationToken, string? kind = null) =>
        api.ReadAsync<NotificationPage>(
            HttpMethod.Get, kind is null ? $"api/notifications?limit={limit}" : $"api/notifications?limit={limit}&kind={Uri.EscapeDataString(kind)}", null, cancellationToken);

    public Task MarkNotificationReadAsync(Guid id, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Post, $"api/notifications/{id}/read", null, cancellationToken);

    public Task MarkAllNotificationsReadAsync(CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Post, "api/notifications/read-all", null, cancellationToken);

    public async Task<IReadOnlyList<DepartmentActivityEntry>> DepartmentActivityAsync(string department, CancellationToken cancellationToken) =>
        await api.ReadAsync<List<DepartmentActivityEntry>>(HttpMethod.Get, $"api/departments/{Uri.EscapeDataString(department)}/activity", null, cancellationToken);
}
