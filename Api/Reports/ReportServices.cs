using Npgsql;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Reports;

/// <summary>What the report endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class ReportServices(CrmDbContext db, TimeProvider time, RequestContext context, NpgsqlDataSource dataSource)
{
    public CrmDbContext Db { get; } = db;

    public TimeProvider Time { get; } = time;

    public RequestContext Context { get; } = context;

    public NpgsqlDataSource DataSource { get; } = dataSource;
}
