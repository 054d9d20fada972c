using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialEnterprise.Contracts.Replies;

namespace SocialEnterprise.Channels;

/// <summary>
/// The sandbox over HTTP: the connectors' endpoint every channel posts replies to, and (for the running resource) a
/// small control surface to see what it took and to make it misbehave, as a real channel sometimes does.
/// </summary>
public static class ChannelSandboxApi
{
    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app, ChannelSandbox sandbox)
    {
        app.MapPost("channels/{channel}", (string channel, HttpContext http) => sandbox.ReceiveAsync(channel, http));
        return app;
    }

    public static IEndpointRouteBuilder MapSandboxControl(this IEndpointRouteBuilder app, ChannelSandbox sandbox)
    {
        var control = app.MapGroup("sandbox").WithTags("Sandbox");
        control.MapGet("/messages", () => TypedResults.Ok(sandbox.Delivered))
            .WithSummary("The replies taken, each reply id once, in order");
        control.MapGet("/posts", () => TypedResults.Ok(sandbox.Posts.Select(SandboxPostView.From)))
            .WithSummary("Every post received, answered or not, in order");
        control.MapPost("/fail", (SandboxFailRequest request) => Fail(sandbox, request))
            .WithSummary("Answer the next posts with an error status (and Retry-After), without taking them");
        control.MapPost("/delay", (SandboxDelayRequest request) => Delay(sandbox, request))
            .WithSummary("Take the next posts at once but answer them late");
        control.MapPut("/receipt-delay", (SandboxReceiptDelayRequest request) => SetReceiptDelay(sandbox, request))
            .WithSummary("How long after taking a reply the channel reports it delivered");
        return app;
    }

    private static Results<Ok<SandboxScriptAnswer>, ValidationProblem> Fail(ChannelSandbox sandbox, SandboxFailRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        CheckCount(request.Count, errors);
        if (request.Status is < 400 or > 599)
        {
            errors["status"] = ["An error status: 400 to 599."];
        }

        if (request.RetryAfterSeconds is < 0 or > 3600)
        {
            errors["retryAfterSeconds"] = ["Between 0 and 3600 seconds."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        sandbox.FailNext(request.Count, (HttpStatusCode)request.Status, request.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
        return TypedResults.Ok(new SandboxScriptAnswer($"The next {request.Count} posts are answered {request.Status}."));
    }

    private static Results<Ok<SandboxScriptAnswer>, ValidationProblem> Delay(ChannelSandbox sandbox, SandboxDelayRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        CheckCount(request.Count, errors);
        CheckSeconds(request.Seconds, "seconds", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        sandbox.DelayNext(request.Count, TimeSpan.FromSeconds(request.Seconds));
        return TypedResults.Ok(new SandboxScriptAnswer($"The next {request.Count} posts are answered after {request.Seconds:0.###} s."));
    }

    private static Results<Ok<SandboxScriptAnswer>, ValidationProblem> SetReceiptDelay(ChannelSandbox sandbox, SandboxReceiptDelayRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        CheckSeconds(request.Seconds, "seconds", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        sandbox.ReceiptDelay = TimeSpan.FromSeconds(request.Seconds);
        return TypedResults.Ok(new SandboxScriptAnswer($"Deliveries are reported {request.Seconds:0.###} s after a reply is taken."));
    }

    private static void CheckCount(int count, Dictionary<string, string[]> errors)
    {
        if (count is < 1 or > 10_000)
        {
            errors["count"] = ["Between 1 and 10000 posts."];
        }
    }

    private static void CheckSeconds(double seconds, string field, Dictionary<string, string[]> errors)
    {
        if (seconds is < 0 or > 600 || double.IsNaN(seconds))
        {
            errors[field] = ["Between 0 and 600 seconds."];
        }
    }
}

/// <summary>Answer the next <see cref="Count"/> posts with <see cref="Status"/>, and Retry-After when given.</summary>
public sealed record SandboxFailRequest(int Count, int Status = 503, double? RetryAfterSeconds = null);

/// <summary>Take the next <see cref="Count"/> posts at once, answer each after <see cref="Seconds"/>.</summary>
public sealed record SandboxDelayRequest(int Count, double Seconds);

public sealed record SandboxReceiptDelayRequest(double Seconds);

public sealed record SandboxScriptAnswer(string Message);

/// <summary>A post as the control surface shows it.</summary>
public sealed record SandboxPostView(string Channel, Guid? ReplyId, bool Signed, int Status, string IdempotencyKey, DateTimeOffset At)
{
    public static SandboxPostView From(SandboxPost post) =>
        new(post.Channel, post.Message?.ReplyId, post.Signed, (int)post.Status, post.IdempotencyKey, post.At);
}

/// <summary>The running sandbox's control surface, for tests and tools outside its process.</summary>
public sealed class ChannelSandboxClient(HttpClient http)
{
    public async Task<IReadOnlyList<OutboundMessage>> MessagesAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<OutboundMessage>>("sandbox/messages", cancellationToken) ?? [];

    public async Task<IReadOnlyList<SandboxPostView>> PostsAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<SandboxPostView>>("sandbox/posts", cancellationToken) ?? [];

    public Task FailNextAsync(SandboxFailRequest request, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, "sandbox/fail", request, cancellationToken);

    public Task DelayNextAsync(SandboxDelayRequest request, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, "sandbox/delay", request, cancellationToken);

    public Task SetReceiptDelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, "sandbox/receipt-delay", new SandboxReceiptDelayRequest(delay.TotalSeconds), cancellationToken);

    private async Task SendAsync<T>(HttpMethod method, string path, T body, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
