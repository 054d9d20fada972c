using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;

namespace SocialEnterprise.Api.Conversations;

public static partial class ConversationsApi
{
    public const int CountCap = 1_000;

    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/conversations").WithTags("Conversations");

        api.MapGet("/", ListAsync).RequirePermission(Permission.Read)
            .WithSummary("Conversations the caller may see, newest activity first; q searches every message's text");
        api.MapGet("/{id:guid}", GetAsync).RequirePermission(Permission.Read)
            .WithSummary("A conversation with its messages and their classification");
        api.MapPost("/{id:guid}/status", ChangeStatusAsync).RequirePermission(Permission.Write)
            .WithSummary("Set the status: open, pending (waiting on the customer) or resolved");
        api.MapPut("/{id:guid}/follow", FollowAsync).RequirePermission(Permission.Write).RequireStaff("follow conversations")
            .WithSummary("Follow a conversation (staff): it stays visible to you wherever it is routed");
        api.MapDelete("/{id:guid}/follow", UnfollowAsync).RequirePermission(Permission.Write).RequireStaff("follow conversations")
            .WithSummary("Stop following a conversation");
        api.MapPut("/{id:guid}/assignee", AssignAsync).RequirePermission(Permission.Write)
            .WithSummary("Assign the conversation to a member of its department (staffId), or to nobody (null)");
        api.MapPost("/{id:guid}/claim", ClaimAsync).RequirePermission(Permission.Write).RequireStaff("take conversations")
            .WithSummary("Take the conversation (a member of its department): it is assigned to you, whoever had it");
        api.MapPost("/{id:guid}/notes", AddNoteAsync).RequirePermission(Permission.Write).RequireStaff("write notes")
            .WithSummary("Add a note to the conversation's internal thread (staff only; the customer never sees it)");
        return app;
    }
}
