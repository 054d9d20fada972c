using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SocialEnterprise.Web.ComponentTests;

/// <summary>
/// Stands in for the Api behind the workspace's real <see cref="Operations.ApiTransport"/>: requests travel as HTTP
/// messages, are recorded, and get the answers a test set up (the latest matching one wins), or 404.
/// </summary>
public sealed class ApiStandIn : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly List<(HttpMethod Method, string Path, Func<ApiCall, HttpResponseMessage> Respond)> _answers = [];
    private readonly List<ApiCall> _calls = [];

    /// <summary>While set, every answer waits for it: the page stays in its loading state.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>
    /// Answers <paramref name="method"/> <paramref name="path"/> (a path, or a path and query when it has a <c>?</c>)
    /// with <paramref name="body"/> as JSON.
    /// </summary>
    public void Answer(HttpMethod method, string path, HttpStatusCode status, object? body = null) =>
        Answer(method, path, _ => new HttpResponseMessage(status) { Content = body is null ? new ByteArrayContent([]) : JsonContent.Create(body) });

    public void Answer(HttpMethod method, string path, Func<ApiCall, HttpResponseMessage> respond)
    {
        lock (_lock)
        {
            _answers.Add((method, path, respond));
        }
    }

    /// <summary>Answers with problem details, as the Api's <c>TypedResults.Problem</c> and <c>ValidationProblem</c> do.</summary>
    public void Problem(HttpMethod method, string path, HttpStatusCode status, string? detail = null, Dictionary<string, string[]>? errors = null)
    {
        var problem = new Dictionary<string, object?>
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110",
            ["title"] = errors is null ? "Conflict" : "One or more validation errors occurred.",
            ["status"] = (int)status,
        };
        if (detail is not null)
        {
            problem["detail"] = detail;
        }

        if (errors is not null)
        {
            problem["errors"] = errors;
        }

        Answer(method, path, _ => new HttpResponseMessage(status)
        {
            Content = new StringContent(JsonSerializer.Serialize(problem), Encoding.UTF8, "application/problem+json"),
        });
    }

    /// <summary>The calls of <paramref name="method"/> to <paramref name="path"/> (the path without its query).</summary>
    public IReadOnlyList<ApiCall> CallsTo(HttpMethod method, string path) =>
        [.. Calls.Where(call => call.Method == method && call.Path == path)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var call = new ApiCall(request.Method, request.RequestUri!.AbsolutePath, request.RequestUri.PathAndQuery, body, request.Headers.Authorization?.ToString());
        Func<ApiCall, HttpResponseMessage>? respond;
        lock (_lock)
        {
            _calls.Add(call);
            respond = _answers.LastOrDefault(answer => answer.Method == request.Method
                && (answer.Path.Contains('?', StringComparison.Ordinal) ? answer.Path == call.PathAndQuery : answer.Path == call.Path)).Respond;
        }

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return respond?.Invoke(call) ?? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new ByteArrayContent([]) };
    }
}

/// <summary>One request the workspace sent.</summary>
public sealed record ApiCall(HttpMethod Method, string Path, string PathAndQuery, string? Body, string? Authorization)
{
    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Body ?? "null");
            return document.RootElement.Clone();
        }
    }
}

/// <summary>Hands the workspace's named client a client over the stand-in.</summary>
internal sealed class StandInClients(ApiStandIn api) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(api, disposeHandler: false) { BaseAddress = new Uri("http://api.test/") };
}
