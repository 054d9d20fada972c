using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Access;
using SocialEnterprise.Infrastructure.Staff;

namespace SocialEnterprise.Api.IntegrationTests.Access;

/// <summary>
/// Every endpoint of the Api, called by every kind of caller: who gets 401, who gets 403, and who gets through. An
/// endpoint that is not in the matrix fails the test, so a new endpoint cannot ship without deciding who may call it.
/// </summary>
public sealed class AccessMatrixTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>What each endpoint requires; <c>null</c> means it is public.</summary>
    private static readonly Dictionary<string, Requirement?> Matrix = new()
    {
        ["ANY /health"] = null,
        ["ANY /alive"] = null,
        ["GET /openapi/{documentName}.json"] = null,
        ["POST /api/probes/"] = new(Permission.Write),
        ["GET /api/probes/{id:guid}"] = new(Permission.Read),
        ["GET /api/probes/"] = new(Permission.Read),
        ["GET /api/system/status"] = new(Permission.Read),
        ["GET /api/me"] = new(Permission.Read),
        ["ANY /hubs/events/negotiate"] = new(Permission.Read),
        ["ANY /hubs/events"] = new(Permission.Read),
        ["GET /api/admin/api-keys/"] = new(Permission.Administer),
        ["POST /api/admin/api-keys/"] = new(Permission.Administer),
        ["DELETE /api/admin/api-keys/{id:guid}"] = new(Permission.Administer),
        ["GET /api/admin/audit/"] = new(Permission.Administer),
        ["GET /api/admin/audit/export"] = new(Permission.Administer),
        // Channels prove who they are with the signature, never with a bearer: no signature, 401 for everyone.
        ["POST /api/ingest/{channel}"] = Requirement.Signature,
        ["GET /api/ingest/filtered/"] = new(Permission.Read, Triage: true),
        ["POST /api/ingest/filtered/{id:guid}/restore"] = new(Permission.Write, Triage: true),
        ["GET /api/ingest/parked/"] = new(Permission.Administer),
        ["POST /api/ingest/parked/{id:guid}/replay"] = new(Permission.Administer),
        ["POST /api/ingest/parked/replay"] = new(Permission.Administer),
        ["GET /api/noise-rules/"] = new(Permission.Read, Triage: true),
        ["POST /api/noise-rules/"] = new(Permission.Administer),
        ["PUT /api/noise-rules/{id:guid}"] = new(Permission.Administer),
        ["DELETE /api/noise-rules/{id:guid}"] = new(Permission.Administer),
        ["GET /api/topics/"] = new(Permission.Read),
        ["POST /api/topics/"] = new(Permission.Administer),
        ["PUT /api/topics/{key}"] = new(Permission.Administer),
        ["DELETE /api/topics/{key}"] = new(Permission.Administer),
        ["GET /api/conversations/"] = new(Permission.Read),
        ["GET /api/conversations/{id:guid}"] = new(Permission.Read),
        ["POST /api/conversations/{id:guid}/status"] = new(Permission.Write),
        ["PUT /api/conversations/{id:guid}/follow"] = new(Permission.Write),
        ["DELETE /api/conversations/{id:guid}/follow"] = new(Permission.Write),
        ["PUT /api/conversations/{id:guid}/assignee"] = new(Permission.Write),
        ["POST /api/conversations/{id:guid}/notes"] = new(Permission.Write),
        ["GET /api/inbox/views"] = new(Permission.Read),
        ["POST /api/inbox/views"] = new(Permission.Write),
        ["DELETE /api/inbox/views/{id:guid}"] = new(Permission.Write),
        ["GET /api/inbox/counts"] = new(Permission.Read),
        ["GET /api/staff/"] = new(Permission.Read),
        ["POST /api/staff/"] = new(Permission.Administer),
        ["GET /api/staff/{id:guid}"] = new(Permission.Read),
        ["PUT /api/staff/{id:guid}"] = new(Permission.Administer),
        ["PUT /api/staff/{id:guid}/availability"] = new(Permission.Write),
        ["GET /api/departments/"] = new(Permission.Read),
        ["PUT /api/departments/{id}"] = new(Permission.Administer),
        ["GET /api/departments/{id}/queue"] = new(Permission.Read),
        ["POST /api/conversations/{id:guid}/claim"] = new(Permission.Write),
        ["GET /api/customers/{id:guid}"] = new(Permission.Read),
        ["GET /api/customers/{id:guid}/timeline"] = new(Permission.Read),
        ["GET /api/customers/{id:guid}/sentiment"] = new(Permission.Read),
        ["GET /api/customers/{id:guid}/unified-front"] = new(Permission.Read),
        ["PUT /api/customers/{id:guid}/identities/{identityId:guid}/consent"] = new(Permission.Write),
        ["GET /api/customers/merge-suggestions"] = new(Permission.Read, Triage: true),
        ["POST /api/customers/merge-suggestions/{id:guid}/dismiss"] = new(Permission.Write, Triage: true),
        ["GET /api/customers/merges"] = new(Permission.Read, Triage: true),
        ["POST /api/customers/merges"] = new(Permission.Write, Triage: true),
        ["POST /api/customers/merges/{id:guid}/undo"] = new(Permission.Write, Triage: true),
        ["GET /api/routing-rules/"] = new(Permission.Read, Triage: true),
        ["POST /api/routing-rules/"] = new(Permission.Administer),
        ["PUT /api/routing-rules/{id:guid}"] = new(Permission.Administer),
        ["DELETE /api/routing-rules/{id:guid}"] = new(Permission.Administer),
        ["POST /api/routing-rules/order"] = new(Permission.Administer),
        ["POST /api/routing-rules/dry-run"] = new(Permission.Read, Oversight: true),
        ["GET /api/sla/policies/"] = new(Permission.Read),
        ["POST /api/sla/policies/"] = new(Permission.Administer),
        ["PUT /api/sla/policies/{name}"] = new(Permission.Administer),
        ["DELETE /api/sla/policies/{name}"] = new(Permission.Administer),
        ["GET /api/sla/calendars/"] = new(Permission.Read),
        ["POST /api/sla/calendars/"] = new(Permission.Administer),
        ["PUT /api/sla/calendars/{name}"] = new(Permission.Administer),
        ["DELETE /api/sla/calendars/{name}"] = new(Permission.Administer),
        ["GET /api/conversations/{id:guid}/sla"] = new(Permission.Read),
        ["POST /api/conversations/{id:guid}/consults"] = new(Permission.Write),
        ["GET /api/conversations/{id:guid}/consults"] = new(Permission.Read),
        ["GET /api/conversations/{id:guid}/experts"] = new(Permission.Read),
        ["GET /api/consults/"] = new(Permission.Read),
        ["POST /api/consults/{id:guid}/accept"] = new(Permission.Write),
        ["POST /api/consults/{id:guid}/answer"] = new(Permission.Write),
        ["POST /api/consults/{id:guid}/decline"] = new(Permission.Write),
        ["GET /api/notifications/"] = new(Permission.Read),
        ["POST /api/notifications/{id:guid}/read"] = new(Permission.Write),
        ["POST /api/notifications/read-all"] = new(Permission.Write),
        ["GET /api/departments/{department}/activity"] = new(Permission.Read),
        // Connectors report deliveries and survey answers with the channel's outbound signature, never with a bearer.
        ["POST /api/outbound/{channel}/events"] = Requirement.Signature,
        ["POST /api/conversations/{id:guid}/replies/{replyId:guid}/retry"] = new(Permission.Write),
        ["POST /api/conversations/{id:guid}/replies"] = new(Permission.Write),
        ["GET /api/conversations/{id:guid}/replies/policy"] = new(Permission.Read),
        ["GET /api/approvals"] = new(Permission.Read),
        ["POST /api/replies/{id:guid}/approve"] = new(Permission.Write),
        ["POST /api/replies/{id:guid}/reject"] = new(Permission.Write),
        ["GET /api/conversations/{id:guid}/draft"] = new(Permission.Read),
        ["PUT /api/conversations/{id:guid}/draft"] = new(Permission.Write),
        ["DELETE /api/conversations/{id:guid}/draft"] = new(Permission.Write),
        ["GET /api/canned-responses/"] = new(Permission.Read),
        ["POST /api/canned-responses/"] = new(Permission.Write, Oversight: true),
        ["PUT /api/canned-responses/{id:guid}"] = new(Permission.Write, Oversight: true),
        ["DELETE /api/canned-responses/{id:guid}"] = new(Permission.Write, Oversight: true),
        ["POST /api/conversations/{id:guid}/canned-responses/{cannedId:guid}/render"] = new(Permission.Read),
        ["GET /api/reports/service-levels"] = new(Permission.Read, Oversight: true),
        ["GET /api/reports/service-levels.csv"] = new(Permission.Read, Oversight: true),
    };

    /// <summary>Who works the untriaged intake, written out: admins, managers, agents, and keys that may read everything.</summary>
    private static readonly HashSet<string> Triagers = ["admin", "manager", "agent", "key:read", "key:admin"];

    /// <summary>Who shapes routing and answers for it: admins (staff or key) and managers.</summary>
    private static readonly HashSet<string> Overseers = ["admin", "manager", "key:admin"];

    /// <summary>What each caller may do, written out rather than asked of the code under test.</summary>
    private static readonly Dictionary<string, Permission[]> Callers = new()
    {
        ["admin"] = [Permission.Read, Permission.Write, Permission.Administer],
        ["manager"] = [Permission.Read, Permission.Write],
        ["agent"] = [Permission.Read, Permission.Write],
        ["member"] = [Permission.Read, Permission.Write],
        ["workspace"] = [Permission.Read],
        ["key:read"] = [Permission.Read],
        ["key:write"] = [Permission.Write],
        ["key:ingest"] = [Permission.Ingest],
        ["key:admin"] = [Permission.Read, Permission.Write, Permission.Ingest, Permission.Administer],
    };

    private static readonly string[] Unauthenticated = ["anonymous", "unknown key", "revoked key", "expired token", "forged token"];

    private readonly CancellationToken _cancellation = TestContext.Current.CancellationToken;

    [Fact]
    public void Every_endpoint_is_in_the_access_matrix()
    {
        var endpoints = EndpointsOfTheApi().Select(endpoint => endpoint.Key).ToList();

        Assert.Empty(endpoints.Except(Matrix.Keys));
        Assert.Empty(Matrix.Keys.Except(endpoints));
    }

    [Fact]
    public async Task Each_caller_gets_exactly_what_its_role_or_scopes_allow()
    {
        var bearers = await BearersAsync();
        var failures = new List<string>();

        foreach (var (endpoint, required) in Matrix)
        {
            foreach (var (caller, bearer) in bearers)
            {
                var status = await CallAsync(endpoint, bearer);
                var expected = required is null ? "through"
                    : required.Signed || Unauthenticated.Contains(caller) ? "401"
                    : Callers[caller].Contains(required.Permission) && (!required.Triage || Triagers.Contains(caller))
                      && (!required.Oversight || Overseers.Contains(caller)) ? "through"
                    : "403";
                var actual = status switch
                {
                    HttpStatusCode.Unauthorized => "401",
                    HttpStatusCode.Forbidden => "403",
                    >= HttpStatusCode.InternalServerError => $"server error {(int)status}",
                    _ => "through",
                };
                if (actual != expected)
                {
                    failures.Add($"{caller} on {endpoint}: expected {expected}, got {(int)status}");
                }
            }
        }

        Assert.Empty(failures);
    }

    private async Task<Dictionary<string, string?>> BearersAsync()
    {
        var bearers = new Dictionary<string, string?>
        {
            ["anonymous"] = null,
            ["unknown key"] = "se_not-a-key-anyone-issued",
            ["expired token"] = Token(ApiFixture.SigningKey, DateTime.UtcNow.AddMinutes(-10)),
            ["forged token"] = Token(new('f', 48), DateTime.UtcNow.AddMinutes(5)),
            ["admin"] = ApiFixture.StaffToken(StaffRoles.Admin, "support", "legal"),
            ["manager"] = ApiFixture.StaffToken(StaffRoles.Manager, "support"),
            ["agent"] = ApiFixture.StaffToken(StaffRoles.Agent, "support"),
            ["member"] = ApiFixture.StaffToken(StaffRoles.Member, "legal"),
            ["workspace"] = ApiFixture.Tokens.IssueForWorkspace(),
        };
        foreach (var scope in ApiScopes.All)
        {
            bearers[$"key:{scope}"] = await api.CreateKeyAsync($"matrix {scope}", scope);
        }

        var revoked = await api.CreateKeyAsync("matrix revoked", ApiScopes.All.ToArray());
        await using (var db = api.NewDbContext())
        {
            var hash = ApiKey.HashOf(revoked);
            db.ApiKeys.Single(key => key.Hash == hash).Revoke("test", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync(_cancellation);
        }

        bearers["revoked key"] = revoked;
        return bearers;
    }

    private async Task<HttpStatusCode> CallAsync(string endpoint, string? bearer)
    {
        using var client = api.CreateClient(bearer);
        var (method, route) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        // Health checks and SignalR take any method; SignalR's negotiation is a POST.
        method = method == "ANY" ? route.StartsWith("/hubs", StringComparison.Ordinal) ? "POST" : "GET" : method;
        var path = route
            .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{identityId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{replyId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{cannedId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{channel}", "x", StringComparison.Ordinal)
            .Replace("{key}", "no-such-topic", StringComparison.Ordinal)
            .Replace("{id}", "no-such-department", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            var body = route.Contains("api-keys", StringComparison.Ordinal) ? """{"name":"from the matrix","scopes":["read"]}""" : "{}";
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, _cancellation);
        return response.StatusCode;
    }

    private Dictionary<string, RouteEndpoint> EndpointsOfTheApi() =>
        api.Service<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"])
                .Select(method => (Key: $"{method} /{endpoint.RoutePattern.RawText?.TrimStart('/')}", Endpoint: endpoint)))
            .GroupBy(pair => pair.Key)
            .ToDictionary(group => group.Key, group => group.First().Endpoint);

    private static string Token(string key, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = StaffTokens.Issuer,
        Audience = StaffTokens.Audience,
        IssuedAt = expires.AddMinutes(-5),
        NotBefore = expires.AddMinutes(-5),
        Expires = expires,
        Claims = new Dictionary<string, object>
        {
            [AccessClaims.Subject] = "someone",
            [AccessClaims.Name] = "someone@example.test",
            [AccessClaims.Kind] = nameof(CallerKind.Staff),
            [AccessClaims.Role] = StaffRoles.Admin,
        },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });

    /// <summary>What an endpoint asks of its caller: a permission, maybe the triage or oversight role, or a channel signature.</summary>
    private sealed record Requirement(Permission Permission, bool Triage = false, bool Signed = false, bool Oversight = false)
    {
        public static readonly Requirement Signature = new(Permission.Ingest, Signed: true);
    }
}
