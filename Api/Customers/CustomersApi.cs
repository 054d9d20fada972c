using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;

namespace SocialEnterprise.Api.Customers;

public static partial class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/customers").WithTags("Customers");

        api.MapGet("/{id:guid}", GetAsync).RequirePermission(Permission.Read)
            .WithSummary("A customer's profile: identities with evidence and consent, and the conversations the caller may see");
        api.MapGet("/{id:guid}/timeline", TimelineAsync).RequirePermission(Permission.Read)
            .WithSummary("Every interaction with the customer on every channel, newest first (messages and internal notes); page with before");
        api.MapGet("/{id:guid}/sentiment", SentimentAsync).RequirePermission(Permission.Read)
            .WithSummary("The customer's average sentiment per day over the last days (default 90)");
        api.MapGet("/{id:guid}/unified-front", UnifiedFrontAsync).RequirePermission(Permission.Read)
            .WithSummary("Which colleagues from which departments engaged the customer lately, and what is open with them");
        api.MapPut("/{id:guid}/identities/{identityId:guid}/consent", RecordConsentAsync).RequirePermission(Permission.Write)
            .WithSummary("Record consent for contacting the customer on one identity: granted or withdrawn, with its basis");

        var triage = api.MapGroup("/").RequireTriage();
        triage.MapGet("/merge-suggestions", SuggestionsAsync).RequirePermission(Permission.Read)
            .WithSummary("Customers who look like one person, for staff to merge or dismiss");
        triage.MapPost("/merge-suggestions/{id:guid}/dismiss", DismissAsync).RequirePermission(Permission.Write)
            .WithSummary("Dismiss a merge suggestion: the two are different people");
        triage.MapGet("/merges", MergesAsync).RequirePermission(Permission.Read)
            .WithSummary("Recent merges, newest first, with whether they were undone");
        triage.MapPost("/merges", MergeAsync).RequirePermission(Permission.Write)
            .WithSummary("Merge the source customer into the target: identities and conversations move; undoable");
        triage.MapPost("/merges/{id:guid}/undo", UndoAsync).RequirePermission(Permission.Write)
            .WithSummary("Undo a merge: the moved identities go back with every conversation they opened");
        return app;
    }
}
