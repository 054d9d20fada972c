using System.Collections.Frozen;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Simulator.Traffic;

namespace SocialEnterprise.Simulator.Sending;

/// <summary>What became of one event: the Api's final answer and how long it took.</summary>
/// <param name="Status">The HTTP status of the last attempt, or <see cref="IngestResult.NoAnswer"/>.</param>
/// <param name="Elapsed">The last attempt alone: how long the Api took to answer it.</param>
/// <param name="Total">Every attempt and every wait a 429 asked for.</param>
/// <param name="Throttled">How many 429 answers came back on the way.</param>
public sealed record IngestResult(int Status, TimeSpan Elapsed, TimeSpan Total, int Attempts, int Throttled, Guid? Id, bool Duplicate)
{
    /// <summary>The status recorded when no HTTP answer came at all (connection refused, reset, timed out).</summary>
    public const int NoAnswer = 0;

    /// <summary>202: stored for the first time.</summary>
    public bool Accepted => Status == (int)HttpStatusCode.Accepted;
}

/// <summary>
/// Posts simulated events to <c>POST /api/ingest/{channel}</c>, signed over the exact bytes sent, and waits out a 429
/// as long as its <c>Retry-After</c> asks (up to <see cref="LongestWait"/>), a few times.
/// </summary>
public sealed class IngestClient
{
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan WaitWithoutRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly MediaTypeHeaderValue JsonContent = new("application/json");

    private readonly HttpClient _http;
    private readonly Func<string, string> _secretOf;
    private readonly TimeProvider _time;
    private readonly int _maxAttempts;
    private readonly FrozenDictionary<string, Uri> _endpoints;

    /// <param name="api">The Api's base address; its path, if any, is kept.</param>
    /// <param name="maxAttempts">Attempts per event when the Api answers 429; 1 sends once and reports the 429.</param>
    public IngestClient(HttpClient http, Uri api, string secret, TimeProvider time, int maxAttempts = 4)
        : this(http, api, _ => secret, time, maxAttempts)
    {
    }

    /// <param name="secretOf">Each channel's signing secret.</param>
    public IngestClient(HttpClient http, Uri api, Func<string, string> secretOf, TimeProvider time, int maxAttempts = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _http = http;
        _secretOf = secretOf;
        _time = time;
        _maxAttempts = maxAttempts;
        var root = api.AbsoluteUri.EndsWith('/') ? api : new Uri(api.AbsoluteUri + "/");
        _endpoints = IngestChannels.All.ToFrozenDictionary(channel => channel, channel => new Uri(root, $"api/ingest/{channel}"), StringComparer.Ordinal);
    }

    public Task<IngestResult> SendAsync(SimulatedEvent simulated, CancellationToken cancellationToken) =>
        SendAsync(simulated.Channel, simulated.Body(), cancellationToken);

    public async Task<IngestResult> SendAsync(string channel, byte[] body, CancellationToken cancellationToken)
    {
        var endpoint = _endpoints[channel];
        var signature = IngestSignature.Sign(_secretOf(channel), body);
        var started = _time.GetTimestamp();
        var throttled = 0;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = JsonContent;
            request.Headers.TryAddWithoutValidation(IngestSignature.HeaderName, signature);

            var attemptStarted = _time.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var elapsed = _time.GetElapsedTime(attemptStarted);
                return new IngestResult(IngestResult.NoAnswer, elapsed, _time.GetElapsedTime(started), attempt, throttled, null, false);
            }

            using (response)
            {
                var elapsed = _time.GetElapsedTime(attemptStarted);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    throttled++;
                    if (attempt < _maxAttempts)
                    {
                        await Task.Delay(RetryDelay(response.Headers.RetryAfter, _time.GetUtcNow()), _time, cancellationToken);
                        continue;
                    }
                }

                var answer = response.IsSuccessStatusCode ? await ReadAnswerAsync(response, cancellationToken) : null;
                return new IngestResult((int)response.StatusCode, elapsed, _time.GetElapsedTime(started), attempt, throttled,
                    answer?.Id, answer?.Duplicate ?? response.StatusCode == HttpStatusCode.OK);
            }
        }
    }

    /// <summary>How long a 429 asks to wait: its Retry-After in seconds or as a date, a second without one, never over <see cref="LongestWait"/>.</summary>
    public static TimeSpan RetryDelay(RetryConditionHeaderValue? retryAfter, DateTimeOffset now)
    {
        var wait = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => WaitWithoutRetryAfter,
        };
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestWait ? LongestWait : wait;
    }

    private static async Task<IngestAccepted?> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<IngestAccepted>(cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
