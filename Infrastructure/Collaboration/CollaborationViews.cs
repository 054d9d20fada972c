using SocialEnterprise.Contracts.Collaboration;
using SocialEnterprise.Domain.Collaboration;

namespace SocialEnterprise.Infrastructure.Collaboration;

/// <summary>The collaboration records the Api answers with, made from the entities.</summary>
public static class CollaborationViews
{
    public static ConsultView ConsultView(Consult c, DateTimeOffset now, string? customerName = null) => new(
        c.Id, c.ConversationId, c.RequesterDepartment, c.TargetDepartment, c.RequestedById, c.RequestedByName, c.Question, c.Priority,
        c.NeededBy, c.State, c.RequestedAt, c.DueAt, c.ClockAt(now), c.AcceptedByName, c.AcceptedAt, c.AnsweredByName, c.Answer,
        c.AnsweredAt, c.DeclinedByName, c.DeclineReason, c.DeclinedAt, customerName);
}
