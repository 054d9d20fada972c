using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Classification;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Listening;

/// <summary>The topic catalogue the classifier matches messages against: read by all staff, edited by admins.</summary>
public static class TopicsApi
{
    private static readonly IReadOnlySet<string> Departments = Department.Standard.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapTopicsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/topics").WithTags("Topics");
        api.MapGet("/", ListAsync).RequirePermission(Permission.Read).WithSummary("The topic catalogue, in matching order");
        api.MapPost("/", CreateAsync).RequirePermission(Permission.Administer).WithSummary("Add a topic with its keywords and department");
        api.MapPut("/{key}", ChangeAsync).RequirePermission(Permission.Administer).WithSummary("Change a topic's name, department or keywords");
        api.MapDelete("/{key}", DeleteAsync).RequirePermission(Permission.Administer).WithSummary("Delete a topic (classified messages keep theirs)");
        return app;
    }

    public static async Task<Ok<List<TopicView>>> ListAsync([AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var topics = await services.Db.Topics.AsNoTracking().OrderBy(t => t.Position).ThenBy(t => t.Key).ToListAsync(cancellationToken);
        return TypedResults.Ok(topics.ConvertAll(ClassificationViews.TopicView));
    }

    public static async Task<Results<Created<TopicView>, ValidationProblem>> CreateAsync(
        TopicRequest request, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var errors = CatalogueTopic.Validate(request.Key ?? "", request.Name, request.Department, request.Keywords, Departments);
        if (errors.Count == 0 && await services.Db.Topics.AnyAsync(t => t.Key == request.Key, cancellationToken))
        {
            errors["key"] = ["A topic with this key exists."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var position = (await services.Db.Topics.MaxAsync(t => (int?)t.Position, cancellationToken) ?? -1) + 1;
        var topic = CatalogueTopic.New(request.Key!, request.Name!, request.Department!, request.Keywords!, request.BroadKeywords, position, services.Caller.Name, services.Now);
        services.Db.Topics.Add(topic);
        services.Audit(AuditActions.TopicCreated, $"topic/{topic.Key}", Describe(topic));
        try
        {
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["key"] = ["A topic with this key exists."] });
        }

        return TypedResults.Created($"/api/topics/{topic.Key}", ClassificationViews.TopicView(topic));
    }

    public static async Task<Results<Ok<TopicView>, NotFound, ValidationProblem>> ChangeAsync(
        string key, TopicRequest request, [AsParameters] ApiServices services, CancellationToken cancellationToken)
    {
        var errors = CatalogueTopic.Validate(null, request.Name, request.Department, request.Keywords, Departments);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var topic = await services.Db.Topics.SingleOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (topic is null)
        {
            return TypedResults.NotFound();
        }

        var before = Describe(topic);
        topic.Change(request.Name!, request.Department!, request.Keywords!, request.BroadKeywords, services.Caller.Name, services.Now);
        await services.SaveAuditedAsync(AuditActions.TopicChanged, $"topic/{topic.Key}", $"{before} -> {Describe(topic)}", cancellationToken);
        return TypedResults.Ok(ClassificationViews.TopicView(topic));
    }

    public static Task<Results<NoContent, NotFound>> DeleteAsync(
        string key, [AsParameters] ApiServices services, CancellationToken cancellationToken) =>
        services.RemoveAuditedAsync(services.Db.Topics.Where(t => t.Key == key), AuditActions.TopicDeleted, t => $"topic/{t.Key}", Describe, cancellationToken);

    private static string Describe(CatalogueTopic topic) => $"{topic.Name} -> {topic.Department}: {string.Join(", ", topic.Keywords)}";
}
