using Microsoft.EntityFrameworkCore.Design;

namespace SocialEnterprise.Infrastructure.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the Api (which needs a live database).
/// The connection string is never opened for <c>migrations add</c>; for <c>database update</c> pass <c>--connection</c>.
/// </summary>
internal sealed class DesignTimeCrmDbContextFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args) =>
        new(CrmDatabaseExtensions.CrmDatabaseOptions("Host=127.0.0.1;Database=crmdb"));
}
