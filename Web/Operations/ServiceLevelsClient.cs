using SocialEnterprise.Contracts.ServiceLevels;

namespace SocialEnterprise.Web.Operations;

/// <summary>Service-level policies, calendars and a conversation's clocks.</summary>
public sealed class ServiceLevelsClient(ApiTransport api)
{
    /// <summary>The conversation's service-level clocks, consults rolled up into the customer's clock, and its banner line.</summary>
    public Task<ConversationServiceLevels> ConversationServiceLevelsAsync(Guid conversationId, CancellationToken cancellationToken) =>
        api.ReadAsync<ConversationServiceLevels>(HttpMethod.Get, $"api/conversations/{conversationId}/sla", null, cancellationToken);

    public async Task<IReadOnlyList<SlaPolicyView>> SlaPoliciesAsync(CancellationToken cancellationToken) =>
        await api.ReadAsync<List<SlaPolicyView>>(HttpMethod.Get, "api/sla/policies", null, cancellationToken);

    public async Task<IReadOnlyList<SlaCalendarView>> SlaCalendarsAsync(CancellationToken cancellationToken) =>
        await api.ReadAsync<List<SlaCalendarView>>(HttpMethod.Get, "api/sla/calendars", null, cancellationToken);

    public Task<SlaPolicyView> SaveSlaPolicyAsync(string? existing, SlaPolicyRequest policy, CancellationToken cancellationToken) =>
        api.ReadAsync<SlaPolicyView>(existing is null ? HttpMethod.Post : HttpMethod.Put,
            existing is null ? "api/sla/policies" : $"api/sla/policies/{Uri.EscapeDataString(existing)}", policy, cancellationToken);

    public Task<SlaCalendarView> SaveSlaCalendarAsync(string? existing, SlaCalendarRequest calendar, CancellationToken cancellationToken) =>
        api.ReadAsync<SlaCalendarView>(existing is null ? HttpMethod.Post : HttpMethod.Put,
            existing is null ? "api/sla/calendars" : $"api/sla/calendars/{Uri.EscapeDataString(existing)}", calendar, cancellationToken);
}
