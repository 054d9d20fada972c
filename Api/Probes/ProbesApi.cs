using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Probes;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Probes;

namespace SocialEnterprise.Api.Probes;

public static class ProbesApi
{
    public static IEndpointRouteBuilder MapProbesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/probes")
            .WithTags("Pipeline probes");

        api.MapPost("/", RequestProbe)
            .RequirePermission(Permission.Write)
            .WithSummary("Send a probe through the pipeline")
            .WithDescription("Stores a probe and answers once it is durable; a worker carries it and the event log announces each step.");
        api.MapGet("/{id:guid}", GetProbe).RequirePermission(Permission.Read).WithSummary("One probe and how far it got");
        api.MapGet("/", RecentProbes).RequirePermission(Permission.Read).WithSummary("The most recent probes, newest first");
        return app;
    }

    public static async Task<Results<Accepted<ProbeResponse>, ValidationProblem>> RequestProbe(
        [AsParameters] ProbeServices services, ClaimsPrincipal caller, [FromBody] ProbeRequest? request)
    {
        var requestedBy = string.IsNullOrWhiteSpace(request?.RequestedBy)
            ? caller.Identity?.Name ?? "api"
            : request.RequestedBy.Trim();
        if (requestedBy.Length > PipelineProbe.MaxRequestedByLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["requestedBy"] = [$"At most {PipelineProbe.MaxRequestedByLength} characters."],
            });
        }

        var probe = PipelineProbe.Request(requestedBy, services.Time.GetUtcNow());
        services.Db.PipelineProbes.Add(probe);
        await services.Db.SaveChangesAsync(services.CancellationToken);
        return TypedResults.Accepted($"/api/probes/{probe.Id}", ProbeViews.ProbeResponse(probe));
    }

    public static async Task<Results<Ok<ProbeResponse>, NotFound>> GetProbe(Guid id, [AsParameters] ProbeServices services)
    {
        var probe = await services.Db.PipelineProbes.AsNoTracking()
            .SingleOrDefaultAsync(candidate => candidate.Id == id, services.CancellationToken);
        return probe is null ? TypedResults.NotFound() : TypedResults.Ok(ProbeViews.ProbeResponse(probe));
    }

    public static async Task<Results<Ok<List<ProbeResponse>>, ValidationProblem>> RecentProbes(
        [AsParameters] ProbeServices services, int take = 20)
    {
        if (take is < 1 or > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = ["Between 1 and 200."] });
        }

        var probes = await services.Db.PipelineProbes.AsNoTracking()
            .OrderByDescending(probe => probe.RequestedAt)
            .Take(take)
            .ToListAsync(services.CancellationToken);
        return TypedResults.Ok(probes.ConvertAll(ProbeViews.ProbeResponse));
    }
}

public sealed class ProbeServices(CrmDbContext db, TimeProvider time, CancellationToken cancellationToken)
{
    public CrmDbContext Db { get; } = db;

    public TimeProvider Time { get; } = time;

    public CancellationToken CancellationToken { get; } = cancellationToken;
}
