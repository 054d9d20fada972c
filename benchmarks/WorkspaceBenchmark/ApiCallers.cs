using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Infrastructure.Staff;
using SocialEnterprise.Shared;

namespace SocialEnterprise.WorkspaceBenchmark;

/// <summary>Someone the Api answers: the development admin API key, or a staff member with a token as the workspace issues it.</summary>
public sealed record ApiCaller(string Name, Func<string> Token)
{
    public AuthenticationHeaderValue Authorization() => new("Bearer", Token());

    public static ApiCaller AdminKey() => new("admin key", () => AccessSettings.DevAdminKey);

    /// <summary>
    /// A demo staff member, with a token signed by the stack's signing key just as the workspace signs it for them: their
    /// id, roles and departments, valid for minutes, so it is issued anew for every request.
    /// </summary>
    public static async Task<ApiCaller> StaffAsync(NpgsqlDataSource database, string signingKey, string name, CancellationToken cancellationToken)
    {
        var demo = DemoCompany.Staff.Single(staff => staff.Name == name);
        await using var command = database.CreateCommand("select id from staff_users where user_name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = demo.Email });
        var id = (Guid)(await command.ExecuteScalarAsync(cancellationToken)
            ?? throw new InvalidOperationException($"{demo.Email} is not seeded: is Seed:DemoCompany on?"));
        var tokens = new StaffTokens(Options.Create(new AccessOptions { SigningKey = signingKey }), TimeProvider.System);
        return new ApiCaller(
            $"{demo.Name} ({demo.Role}, {string.Join("+", demo.Departments)})",
            () => tokens.IssueFor(CallerKind.Staff, id.ToString(), demo.Email, demo.DisplayName, [demo.Role], demo.Departments));
    }
}
