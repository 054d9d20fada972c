using SocialEnterprise.Contracts.Assignment;

namespace SocialEnterprise.Web.Operations;

/// <summary>Departments, their queues and claiming from them.</summary>
public sealed class AssignmentClient(ApiTransport api)
{
    public async Task<IReadOnlyList<DepartmentView>> DepartmentsAsync(CancellationToken cancellationToken) =>
        await api.ReadAsync<List<DepartmentView>>(HttpMethod.Get, "api/departments", null, cancellationToken);

    public Task ChangeDepartmentAsync(string id, string strategy, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Put, $"api/departments/{Uri.EscapeDataString(id)}", new DepartmentRequest(strategy), cancellationToken);

    public async Task<IReadOnlyList<QueuedConversationView>> DepartmentQueueAsync(string id, CancellationToken cancellationToken) =>
        await api.ReadAsync<List<QueuedConversationView>>(HttpMethod.Get, $"api/departments/{Uri.EscapeDataString(id)}/queue", null, cancellationToken);

    public Task ClaimAsync(Guid id, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Post, $"api/conversations/{id}/claim", null, cancellationToken);
}
