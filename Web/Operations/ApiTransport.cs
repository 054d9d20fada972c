using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Components.Authorization;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Web.Access;

namespace SocialEnterprise.Web.Operations;

/// <summary>
/// The Api as the signed-in staff member calls it: every request carries a short-lived token with their roles and
/// departments, so the Api applies the same rules to the workspace as to anyone else. An answer that is not a success
/// becomes an <see cref="ApiProblemException"/>. The feature clients (<see cref="ConversationsClient"/> and the others)
/// say what to call; this says how.
/// </summary>
public sealed class ApiTransport(IHttpClientFactory clients, AuthenticationStateProvider authentication, StaffTokens tokens)
{
    /// <summary>The named <see cref="HttpClient"/> whose base address is the Api (found by service discovery).</summary>
    public const string HttpClientName = "api";

    /// <summary>Whether the Api reports itself ready, and what it said (no token: health is public).</summary>
    public async Task<(bool Ready, string Detail)> CheckReadyAsync(CancellationToken cancellationToken)
    {
        using var response = await clients.CreateClient(HttpClientName).GetAsync("health", cancellationToken);
        return (response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Sends <paramref name="body"/> (if any) as JSON and reads the answer as <typeparamref name="T"/>.</summary>
    public async Task<T> ReadAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
               ?? throw new InvalidOperationException($"The Api answered {method} {path} with nothing.");
    }

    /// <summary>Sends <paramref name="body"/> (if any) as JSON when only success matters.</summary>
    public async Task CallAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, path, body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>The raw answer, for calls that read a conflict's body or stream the content; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var staff = StaffMember.From((await authentication.GetAuthenticationStateAsync()).User)
                    ?? throw new HttpRequestException("Not signed in.", null, HttpStatusCode.Unauthorized);
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staff.TokenFrom(tokens));
        return await clients.CreateClient(HttpClientName).SendAsync(request, completion, cancellationToken);
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw ApiProblemException.From(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }
}
