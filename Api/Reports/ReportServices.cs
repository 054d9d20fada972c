using Npgsql;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Api.Reports;

/// <summary>What the report endpoints depend on, bound per request with <c>[AsParameters]</c>.</summary>
public sealed class ReportServices(CrmDbContext db, TimeProvider time, RequestContext context, NpgsqlDataSource dataSource)
    : ApiServices(db, time, context)
{
    public NpgsqlDataSource DataSource { get; } = dataSource;
}
