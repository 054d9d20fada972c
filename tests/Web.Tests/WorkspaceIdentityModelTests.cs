using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Web.Access;

namespace SocialEnterprise.Web.Tests;

/// <summary>
/// The workspace reads and writes a few of the CRM database's tables through a context of its own, which has no
/// migrations: each of its tables and columns must be one the Api's migrations create, with the same type.
/// </summary>
public sealed class WorkspaceIdentityModelTests
{
    private static readonly IReadOnlyDictionary<string, Dictionary<string, (string Type, bool Nullable)>> Created =
        TablesOf(new CrmDbContext(CrmDatabaseExtensions.CrmDatabaseOptions("Host=unused")));

    private static readonly IReadOnlyDictionary<string, Dictionary<string, (string Type, bool Nullable)>> Mapped =
        TablesOf(new WorkspaceIdentityDbContext(
            new DbContextOptionsBuilder<WorkspaceIdentityDbContext>().UseNpgsql("Host=unused").UseSnakeCaseNamingConvention().Options));

    [Fact]
    public void Every_table_and_column_the_workspace_maps_exists_with_the_same_type()
    {
        Assert.NotEmpty(Mapped);
        foreach (var (table, columns) in Mapped)
        {
            Assert.True(Created.ContainsKey(table), $"The migrations create no table {table}.");
            foreach (var (column, shape) in columns)
            {
                Assert.True(Created[table].TryGetValue(column, out var created), $"The migrations create no column {table}.{column}.");
                Assert.Equal((table, column, created), (table, column, shape));
            }
        }
    }

    [Theory]
    [InlineData("audit_log")]
    [InlineData("data_protection_keys")]
    public void The_workspace_writes_every_required_column_of_the_tables_it_adds_to(string table)
    {
        var required = Created[table].Where(column => !column.Value.Nullable).Select(column => column.Key);

        Assert.Empty(required.Except(Mapped[table].Keys));
    }

    private static Dictionary<string, Dictionary<string, (string Type, bool Nullable)>> TablesOf(DbContext context)
    {
        using (context)
        {
            return context.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.ToDictionary(
                table => table.Name,
                table => table.Columns.ToDictionary(column => column.Name, column => (column.StoreType, column.IsNullable)));
        }
    }
}
