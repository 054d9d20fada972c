using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Listening;

namespace SocialEnterprise.Api.Listening;

/// <summary>
/// The channels' webhook: <c>POST /api/ingest/{channel}</c>, signed with the channel's secret. An event is answered
/// only once it is committed to PostgreSQL, and the same external id twice is one event.
/// </summary>
public static class IngestApi
{
    public const string RateLimitPolicy = "ingest";

    public static void AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        builder.Services.AddSingleton<IngestQueueWriter>();
        builder.Services.TryAddSingleton<ListeningMetrics>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IngestQueueWriter>());
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RateLimitPolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<IngestOptions>>().Value;
                var channel = http.Request.RouteValues["channel"] as string ?? "";
                return RateLimitPartition.GetTokenBucketLimiter(
                    IngestChannels.All.Contains(channel) ? channel : "unknown",
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.Burst,
                        // Refilled ten times a second, or once per permit when there are fewer than ten a second.
                        TokensPerPeriod = Math.Max(1, options.PermitsPerSecond / 10),
                        ReplenishmentPeriod = options.PermitsPerSecond >= 10
                            ? TimeSpan.FromMilliseconds(100)
                            : TimeSpan.FromSeconds(1.0 / options.PermitsPerSecond),
                        QueueLimit = 0,
                    });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = "1";
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many events",
                        Detail = "This channel sends faster than it may; retry after the given seconds. Nothing was stored.",
                    },
                });
            };
        });
    }

    public static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("api/ingest/{channel}", AcceptAsync)
            .WithTags("Ingest")
            .WithSummary("Accept a channel event (signed with X-Signature-256); answered once it is durably stored")
            .WithDescription(
                "Channels: x, facebook, linkedin, reviews, community, email, chat. 202 {id, duplicate:false} when new; " +
                "200 {id, duplicate:true} when the channel's externalId was already accepted; 401 without a valid signature; " +
                "400 naming each invalid field; 413 over 256 KiB; 429 when the channel exceeds its rate.")
            .Accepts<IngestEventRequest>("application/json")
            .WithSignatureHeader("channel secret")
            .Produces<IngestAccepted>(StatusCodes.Status202Accepted)
            .Produces<IngestAccepted>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy);
        return app;
    }

    public static async Task<Results<Accepted<IngestAccepted>, Ok<IngestAccepted>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        string channel, HttpRequest request, IOptions<IngestOptions> options, IngestQueueWriter queue, ListeningMetrics metrics,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var post = await SignedWebhooks.ReadAsync<IngestEventRequest>(
            channel, request, options.Value.Secrets.GetValueOrDefault, "event", $"the {channel} channel's secret", cancellationToken);
        if (post.Refused is { } refused)
        {
            return refused;
        }

        var ingestEvent = post.Value!;
        var now = time.GetUtcNow();
        var errors = IngestEventValidator.Validate(ingestEvent, now);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The event has invalid fields");
        }

        (Guid Id, bool Duplicate) stored;
        try
        {
            // The Workers continue this request's trace when they carry the event (IngestCarrier).
            stored = await queue.AcceptAsync(new IngestSubmission(channel, ingestEvent, now, TraceContext.CurrentTraceParent()), cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Threading.Channels.ChannelClosedException)
        {
            // Not stored, and the channel should try again: its retry is safe, the external id makes it idempotent.
            request.HttpContext.Response.Headers.RetryAfter = "5";
            return SignedWebhooks.Problem(StatusCodes.Status503ServiceUnavailable, "Not stored", "The event could not be stored just now; send it again.");
        }

        var (id, duplicate) = stored;
        metrics.Accepted(channel, duplicate);
        return duplicate
            ? TypedResults.Ok(new IngestAccepted(id, Duplicate: true))
            : TypedResults.Accepted((string?)null, new IngestAccepted(id, Duplicate: false));
    }

}
