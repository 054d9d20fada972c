using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;

namespace SocialEnterprise.Api.IntegrationTests.Access;

/// <summary>What only a person can do (notifications, notes, drafts, approvals, consults) an API key is told so, before anything runs.</summary>
public sealed class StaffOnlyTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("GET", "api/notifications", null, "have notifications")]
    [InlineData("POST", "api/conversations/{id}/notes", """{"text":"hello"}""", "write notes")]
    [InlineData("PUT", "api/conversations/{id}/draft", """{"text":"hello","visibility":"public","version":0}""", "write drafts")]
    [InlineData("POST", "api/replies/{id}/approve", null, "approve replies")]
    [InlineData("POST", "api/consults/{id}/accept", null, "work consults")]
    [InlineData("POST", "api/conversations/{id}/claim", null, "take conversations")]
    public async Task An_api_key_is_told_that_only_staff_members_do_it(string method, string path, string? body, string what)
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
        Assert.Equal($"Only staff members {what}.", problem!.Detail);
    }
}
