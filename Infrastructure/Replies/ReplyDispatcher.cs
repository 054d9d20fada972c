using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Infrastructure.Operations;
using SocialEnterprise.Infrastructure.Persistence;

namespace SocialEnterprise.Infrastructure.Replies;

/// <summary>
/// Hands queued replies to their channels' connectors. A batch is claimed in one short statement that takes due rows
/// with <c>FOR UPDATE SKIP LOCKED</c> and moves their <c>next_attempt_at</c> to the end of a lease: no transaction is
/// held open over HTTP, and no other worker takes a reply while its post is under way (the lease outlasts the request
/// timeout). The outcome is recorded afterwards. A worker that dies after posting but before recording leaves the
/// reply due again when its lease ends: it is posted again with the same reply id, which the connector dedupes, so a
/// reply is never lost and reaches the customer once.
/// </summary>
public sealed partial class ReplyDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory clients, IOptions<ReplyDeliveryOptions> options, ReplyDeliveryMetrics metrics,
    TimeProvider time, ILogger<ReplyDispatcher> logger)
{
    public const string HttpClientName = "outbound";

    private const int MaxBodyInError = 300;


    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Claims the due replies (up to a batch), posts each to its connector and records what happened.</summary>
    public async Task<DispatchResult> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        // PostgreSQL keeps microseconds: the lease is compared with what it stored, so it is made of whole ones.
        var leaseUntil = WholeMicroseconds(now + settings.Lease);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE replies SET next_attempt_at = {leaseUntil}
            WHERE id IN (
                SELECT id FROM replies
                WHERE state = 'queued' AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (claimed.Count > 0)
        {
            using var activity = Telemetry.Outbound.StartActivity("Deliver replies");
            activity?.SetTag("replies.count", claimed.Count);
            await Task.WhenAll(claimed.Select(id => DeliverAsync(id, leaseUntil, cancellationToken)));
        }

        // Read after the batch: its own retries are among what falls due next (a lease that is still running, too:
        // its worker may have died).
        var nextDue = await db.Replies.Where(r => r.State == ReplyStates.Queued && r.NextAttemptAt > now)
            .MinAsync(r => r.NextAttemptAt, cancellationToken);
        return new DispatchResult(claimed.Count, nextDue);
    }

    /// <summary>Dispatches until nothing is due (tools and tests; the Workers loop instead).</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var dispatched = 0;
        while ((await DispatchBatchAsync(cancellationToken)) is { Claimed: > 0 } result)
        {
            dispatched += result.Claimed;
        }

        return dispatched;
    }

    /// <summary>Exponential backoff with jitter (between half and all of the doubled delay), at least what the channel asked for.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan first, TimeSpan max, TimeSpan? retryAfter, double random)
    {
        var doubled = first.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var ceiling = Math.Min(doubled, max.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds(ceiling / 2 + ceiling / 2 * random);
        return retryAfter is { } asked && asked > delay ? asked : delay;
    }

    private async Task DeliverAsync(Guid replyId, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["ReplyId"] = replyId });
        OutboundMessage message;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var reply = await db.Replies.AsNoTracking().SingleAsync(r => r.Id == replyId, cancellationToken);
            message = await MessageForAsync(db, reply, cancellationToken);
        }

        if (settings.UrlOf(message.Channel) is not { } url || settings.SecretOf(message.Channel) is not { } secret)
        {
            await RecordAsync(replyId, leaseUntil, (reply, now) => reply.MarkFailed(
                $"no connector configured for {message.Channel} (Outbound:Channels:{message.Channel}:Url)", now, countsAsAttempt: false), cancellationToken);
            metrics.Delivered(message.Channel, "no-connector");
            return;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(message, JsonOptions);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(IngestSignature.HeaderName, IngestSignature.Sign(secret, body));
        request.Headers.Add(OutboundMessage.IdempotencyKeyHeader, replyId.ToString());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout);
        string? transient;
        TimeSpan? retryAfter = null;
        var posted = time.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var externalId = ExternalIdIn(text);
                await RecordAsync(
                    replyId, leaseUntil, (reply, now) => reply.MarkSent(externalId, now), cancellationToken, evenIfLeaseLost: true);
                LogSent(logger, replyId, message.Channel, status);
                metrics.Delivered(message.Channel, "sent", time.GetElapsedTime(posted));
                return;
            }

            var said = $"{status} {response.ReasonPhrase}{(text.Length > 0 ? ": " + Shorten(text) : "")}";
            if (response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests) && status < 500)
            {
                await RecordAsync(replyId, leaseUntil, (reply, now) =>
                    reply.MarkFailed($"the {message.Channel} connector refused it: {said}", now), cancellationToken);
                LogRefused(logger, replyId, message.Channel, status);
                metrics.Delivered(message.Channel, "refused", time.GetElapsedTime(posted));
                return;
            }

            transient = $"the {message.Channel} connector answered {said}";
            retryAfter = RetryAfter(response.Headers.RetryAfter);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and the reply is posted again, under the same id.
            return;
        }
        catch (OperationCanceledException)
        {
            transient = $"the {message.Channel} connector did not answer within {settings.RequestTimeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException exception)
        {
            transient = $"the {message.Channel} connector could not be reached: {exception.Message}";
        }

        var gaveUp = false;
        await RecordAsync(replyId, leaseUntil, (reply, now) =>
        {
            var attempt = reply.Attempts + 1;
            if (attempt >= settings.MaxAttempts)
            {
                gaveUp = true;
                reply.MarkFailed($"gave up after {attempt} attempts: {transient}", now);
            }
            else
            {
                reply.RetryAt(transient, now + Backoff(attempt, settings.FirstRetryDelay, settings.MaxRetryDelay, retryAfter, Random.Shared.NextDouble()), now);
            }
        }, cancellationToken);
        LogRetrying(logger, replyId, message.Channel, transient);
        metrics.Delivered(message.Channel, gaveUp ? "failed" : "retry", time.GetElapsedTime(posted));
    }

    /// <summary>
    /// Applies the outcome to the reply as it is now. Unless <paramref name="evenIfLeaseLost"/>, only while this worker
    /// still holds it: a reply someone retried, or a receipt settled, meanwhile is theirs.
    /// </summary>
    private async Task RecordAsync(
        Guid replyId, DateTimeOffset leaseUntil, Action<Reply, DateTimeOffset> apply, CancellationToken cancellationToken, bool evenIfLeaseLost = false)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var reply = await db.Replies.SingleAsync(r => r.Id == replyId, cancellationToken);
            if (!evenIfLeaseLost && (reply.State != ReplyStates.Queued || reply.NextAttemptAt != leaseUntil))
            {
                return;
            }

            apply(reply, time.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // A receipt or a staff member changed the reply in between: decide again on what they committed.
            }
        }
    }

    /// <summary>Whom the reply goes to and which message it answers, from the identity the customer wrote with.</summary>
    private static async Task<OutboundMessage> MessageForAsync(CrmDbContext db, Reply reply, CancellationToken cancellationToken)
    {
        var answered = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == reply.ConversationId && m.Direction == MessageDirections.Inbound
                && (reply.InReplyToMessageId == null || m.Id == reply.InReplyToMessageId))
            .OrderByDescending(m => m.OccurredAt)
            .Select(m => new { m.ExternalId, m.IdentityId })
            .FirstOrDefaultAsync(cancellationToken);
        var recipient = answered?.IdentityId is { } identityId
            ? await db.CustomerIdentities.Where(i => i.Id == identityId && i.Channel == reply.Channel).Select(i => i.Handle).FirstOrDefaultAsync(cancellationToken)
            : null;
        recipient ??= await db.CustomerIdentities
            .Where(i => i.CustomerId == reply.CustomerId && i.Channel == reply.Channel)
            .OrderByDescending(i => i.LastSeenAt)
            .Select(i => i.Handle)
            .FirstOrDefaultAsync(cancellationToken);
        return new OutboundMessage(
            reply.Id, reply.ConversationId, reply.Channel, recipient, answered?.ExternalId, reply.Visibility, reply.Kind, reply.Text);
    }

    private static string? ExternalIdIn(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonSerializer.Deserialize<OutboundAccepted>(text, JsonOptions)?.ExternalId is { Length: > 0 and <= 200 } id ? id : null;
        }
        catch (JsonException)
        {
            // Accepted is accepted: without an id, receipts name the reply by its own id.
            return null;
        }
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };

    private static DateTimeOffset WholeMicroseconds(DateTimeOffset at) => new(at.Ticks - at.Ticks % 10, at.Offset);

    private static string Shorten(string text) => text.Length <= MaxBodyInError ? text : string.Concat(text.AsSpan(0, MaxBodyInError), "…");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reply {ReplyId} handed to the {Channel} connector ({Status})")]
    private static partial void LogSent(ILogger logger, Guid replyId, string channel, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Channel} connector refused reply {ReplyId} for good ({Status})")]
    private static partial void LogRefused(ILogger logger, Guid replyId, string channel, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reply {ReplyId} to {Channel} not delivered yet: {Reason}")]
    private static partial void LogRetrying(ILogger logger, Guid replyId, string channel, string reason);
}

/// <summary>What one dispatch did: replies claimed, and when the next waiting one falls due.</summary>
public sealed record DispatchResult(int Claimed, DateTimeOffset? NextDue)
{
    public static readonly DispatchResult Empty = new(0, null);
}

public static class ReplyDeliveryExtensions
{
    /// <summary>The delivery of replies (section <c>Outbound</c>, validated on start) and the CSAT surveys (section <c>Csat</c>).</summary>
    public static IServiceCollection AddReplyDelivery(this IServiceCollection services)
    {
        services.AddReplyDeliveryOptions();
        services.AddSatisfactionSurveys();
        // No resilience handler: the dispatcher's own retries (with the reply's attempts) are the retry policy.
        services.AddHttpClient(ReplyDispatcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<ReplyDispatcher>();
        services.TryAddSingleton<ReplyDeliveryMetrics>();
        return services;
    }

    /// <summary>The connectors and their secrets (section <c>Outbound</c>), validated on start.</summary>
    public static IServiceCollection AddReplyDeliveryOptions(this IServiceCollection services)
    {
        services.AddOptions<ReplyDeliveryOptions>().BindConfiguration(ReplyDeliveryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReplyDeliveryOptions>, ReplyDeliveryOptionsValidator>());
        return services;
    }

    /// <summary>The satisfaction surveys sent on resolution (section <c>Csat</c>, validated on start).</summary>
    public static IServiceCollection AddSatisfactionSurveys(this IServiceCollection services)
    {
        services.AddOptions<CsatOptions>().BindConfiguration(CsatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<SatisfactionSurveys>();
        return services;
    }
}
