using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Persistence.Configurations;

namespace SocialEnterprise.Infrastructure.Conversations;

/// <summary>An inbox query (<see cref="InboxQuery"/>, shared with the workspace) applied to the conversations table.</summary>
public static class InboxQueries
{
    /// <summary>The conversations <paramref name="caller"/> may see that match, unordered.</summary>
    public static IQueryable<Conversation> Apply(this InboxQuery inbox, IQueryable<Conversation> conversations, Caller caller, CrmDbContext db, DateTimeOffset now)
    {
        var query = conversations.VisibleTo(caller, db);
        if (inbox.Channel is not null)
        {
            query = query.Where(c => c.Channel == inbox.Channel);
        }

        if (inbox.Status is not null)
        {
            query = query.Where(c => c.Status == inbox.Status);
        }

        if (inbox.Department is not null)
        {
            query = query.Where(c => c.Department == inbox.Department);
        }

        if (inbox.Type is not null)
        {
            query = query.Where(c => c.Type == inbox.Type);
        }

        if (inbox.Sentiment is not null)
        {
            query = query.Where(c => c.Sentiment == inbox.Sentiment);
        }

        if (inbox.Priority is not null)
        {
            query = query.Where(c => c.Priority == inbox.Priority);
        }

        if (inbox.Topic is not null)
        {
            query = query.Where(c => c.Topic == inbox.Topic);
        }

        if (inbox.CustomerId is not null)
        {
            query = query.Where(c => c.CustomerId == inbox.CustomerId);
        }

        switch (inbox.Assignee)
        {
            case InboxAssignees.None:
                query = query.Where(c => c.AssigneeId == null);
                break;
            case InboxAssignees.Me:
                var me = caller.StaffId ?? Guid.Empty;
                query = query.Where(c => c.AssigneeId == me);
                break;
            case { } id when Guid.TryParse(id, out var assigneeId):
                query = query.Where(c => c.AssigneeId == assigneeId);
                break;
        }

        query = inbox.Sla switch
        {
            ServiceLevelStates.None => query.Where(c => c.ResponseDueAt == null),
            ServiceLevelStates.Breached => query.Where(c => c.ResponseDueAt <= now),
            ServiceLevelStates.AtRisk => query.Where(c => c.ResponseWarnAt <= now && c.ResponseDueAt > now),
            ServiceLevelStates.OnTrack => query.Where(c => c.ResponseWarnAt > now),
            _ => query,
        };

        if (!string.IsNullOrWhiteSpace(inbox.Q))
        {
            var q = inbox.Q;
            query = query.Where(c => EF.Property<NpgsqlTsVector>(c, ConversationConfiguration.SearchVector).Matches(EF.Functions.WebSearchToTsQuery("simple", q)));
        }

        return query;
    }

    /// <summary>The order the inbox lists in, with the id as the tie-break so that pages never overlap.</summary>
    public static IOrderedQueryable<Conversation> Order(this InboxQuery inbox, IQueryable<Conversation> conversations) => inbox.Sort switch
    {
        InboxSorts.Waiting => conversations.OrderBy(c => c.LastActivityAt).ThenBy(c => c.Id),
        // PostgreSQL sorts nulls last in ascending order: conversations owing nothing come after every due one, and
        // the order stays the one of the due index.
        InboxSorts.Due => conversations.OrderBy(c => c.ResponseDueAt).ThenBy(c => c.Id),
        _ => conversations.OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id),
    };
}
