using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Contracts.Replies;

namespace SocialEnterprise.Channels;

/// <summary>
/// Plays the seven channels' outbound connectors: it takes the delivery worker's signed posts at
/// <c>POST /channels/{channel}</c>, checks the signature, treats a repeated reply id as the same message, records what
/// it got, and (when told where the Api is) reports each new message delivered, signed, at
/// <c>POST /api/outbound/{channel}/events</c>. It can be told to fail, refuse or stall the next posts. The AppHost runs
/// it as the <c>channels</c> resource in development, so that replies go somewhere real; integration tests start one in
/// their own process (<see cref="StartAsync"/>).
/// </summary>
public sealed class ChannelSandbox : IAsyncDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Func<string, string> _secretOf;
    private readonly HttpClient? _receipts;
    private readonly ConcurrentQueue<SandboxScript> _script = new();
    private readonly ConcurrentQueue<SandboxPost> _posts = new();
    private readonly ConcurrentDictionary<Guid, string> _sent = new();
    private readonly ConcurrentQueue<OutboundMessage> _delivered = new();
    private readonly ConcurrentDictionary<Task, byte> _reporting = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _ownHost;
    private int _inFlight;
    private int _maxInFlight;
    private int _next;

    /// <param name="secretOf">The outbound secret of each channel: posts and receipts are signed with it.</param>
    /// <param name="receipts">
    /// A client whose base address is the Api, to report each new message delivered; null reports nothing by itself.
    /// </param>
    public ChannelSandbox(Func<string, string> secretOf, HttpClient? receipts, TimeSpan receiptDelay)
    {
        _secretOf = secretOf;
        _receipts = receipts;
        ReceiptDelay = receiptDelay;
    }

    /// <summary>How long after taking a message it reports it delivered (the customer's app fetching it).</summary>
    public TimeSpan ReceiptDelay { get; set; }

    /// <summary>Where it listens (http://127.0.0.1:port/), once started by <see cref="StartAsync"/>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Every post it got, in order, answered or not.</summary>
    public IReadOnlyList<SandboxPost> Posts => [.. _posts];

    /// <summary>The messages it took (each reply id once), in order.</summary>
    public IReadOnlyList<OutboundMessage> Delivered => [.. _delivered];

    /// <summary>The most posts it was answering at the same moment.</summary>
    public int MaxConcurrentPosts => Volatile.Read(ref _maxInFlight);

    /// <summary>The connector URL of <paramref name="channel"/> (for <c>Outbound:Channels:{channel}:Url</c>).</summary>
    public Uri UrlOf(string channel) => new(Address, $"channels/{channel}");

    /// <summary>A sandbox in this process on a loopback port (0: any free one), for tests.</summary>
    public static async Task<ChannelSandbox> StartAsync(
        Func<string, string> secretOf, HttpClient? receipts = null, TimeSpan? receiptDelay = null, int port = 0,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var sandbox = new ChannelSandbox(secretOf, receipts, receiptDelay ?? TimeSpan.FromMilliseconds(50)) { _ownHost = app };
        app.MapChannels(sandbox);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sandbox.Address = new Uri(address.EndsWith('/') ? address : address + "/");
        return sandbox;
    }

    /// <summary>The next <paramref name="count"/> posts are answered with <paramref name="status"/> (and Retry-After, if given), and not taken.</summary>
    public void FailNext(int count, HttpStatusCode status = HttpStatusCode.ServiceUnavailable, TimeSpan? retryAfter = null)
    {
        for (var i = 0; i < count; i++)
        {
            _script.Enqueue(new SandboxScript(status, retryAfter, null));
        }
    }

    /// <summary>The next <paramref name="count"/> posts are taken at once but answered only after <paramref name="delay"/> (a slow, or hung, connector).</summary>
    public void DelayNext(int count, TimeSpan delay)
    {
        for (var i = 0; i < count; i++)
        {
            _script.Enqueue(new SandboxScript(null, null, delay));
        }
    }

    /// <summary>Reports on a reply as the channel would: signed with its outbound secret, to the Api's receipts endpoint.</summary>
    public Task<HttpResponseMessage> ReportAsync(
        HttpClient api, string channel, OutboundEventRequest report, CancellationToken cancellationToken, string? signature = null) =>
        ReportAsync(api, channel, JsonSerializer.Serialize(report, JsonOptions), cancellationToken, signature);

    public Task<HttpResponseMessage> ReportAsync(HttpClient api, string channel, string body, CancellationToken cancellationToken, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/outbound/{channel}/events") { Content = content };
        request.Headers.TryAddWithoutValidation(IngestSignature.HeaderName, signature ?? IngestSignature.Sign(_secretOf(channel), bytes));
        return api.SendAsync(request, cancellationToken);
    }

    internal async Task<IResult> ReceiveAsync(string channel, HttpContext http)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            int max;
            while (inFlight > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, max) != max)
            {
            }

            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var body = buffer.ToArray();
            var signed = IngestChannels.All.Contains(channel)
                && IngestSignature.IsValid(_secretOf(channel), body, http.Request.Headers[IngestSignature.HeaderName]);
            OutboundMessage? message = null;
            try
            {
                message = signed ? JsonSerializer.Deserialize<OutboundMessage>(body, JsonOptions) : null;
            }
            catch (JsonException)
            {
            }

            var script = signed && _script.TryDequeue(out var next) ? next : null;
            var post = new SandboxPost(channel, message, signed, script?.Status ?? (signed ? HttpStatusCode.OK : HttpStatusCode.Unauthorized),
                http.Request.Headers[OutboundMessage.IdempotencyKeyHeader].ToString(), DateTimeOffset.UtcNow);
            if (!signed)
            {
                _posts.Enqueue(post);
                return Results.Problem("X-Signature-256 does not match the channel's outbound secret.", statusCode: StatusCodes.Status401Unauthorized);
            }

            if (message is null || message.Channel != channel)
            {
                _posts.Enqueue(post with { Status = HttpStatusCode.BadRequest });
                return Results.Problem("Not an outbound message for this channel.", statusCode: StatusCodes.Status400BadRequest);
            }

            _posts.Enqueue(post);
            if (script?.Status is { } status)
            {
                if (script.RetryAfter is { } retryAfter)
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return Results.Problem($"Scripted {(int)status}.", statusCode: (int)status);
            }

            // The same reply id again is the same message: answered as before, sent to the customer once.
            var isNew = false;
            var externalId = _sent.GetOrAdd(message.ReplyId, _ =>
            {
                isNew = true;
                return $"{channel}-out-{Interlocked.Increment(ref _next)}";
            });
            if (isNew)
            {
                _delivered.Enqueue(message);
                if (_receipts is not null)
                {
                    var reporting = ReportDeliveredAsync(channel, message.ReplyId);
                    _reporting.TryAdd(reporting, 0);
                    _ = reporting.ContinueWith(done => _reporting.TryRemove(done, out _), TaskScheduler.Default);
                }
            }

            if (script?.Delay is { } delay)
            {
                // Taken, but answered late: the sender may give up (or die) before it hears that it was sent.
                await Task.Delay(delay, http.RequestAborted);
            }

            return Results.Ok(new OutboundAccepted(externalId));
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task ReportDeliveredAsync(string channel, Guid replyId)
    {
        try
        {
            // The customer's app takes a moment to fetch it; the worker records "sent" meanwhile.
            await Task.Delay(ReceiptDelay, _stopping.Token);
            using var response = await ReportAsync(
                _receipts!, channel, new OutboundEventRequest(OutboundEventTypes.Delivered, replyId, null, DateTimeOffset.UtcNow, null, null, null),
                _stopping.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            // A sandbox whose Api is gone has nobody to tell.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_reporting.Keys).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (_ownHost is not null)
        {
            await _ownHost.StopAsync();
            await _ownHost.DisposeAsync();
        }

        _stopping.Dispose();
    }
}

/// <summary>One post the sandbox got: for which channel, the message (when signed and readable), and how it answered.</summary>
public sealed record SandboxPost(
    string Channel, OutboundMessage? Message, bool Signed, HttpStatusCode Status, string IdempotencyKey, DateTimeOffset At);

internal sealed record SandboxScript(HttpStatusCode? Status, TimeSpan? RetryAfter, TimeSpan? Delay);
