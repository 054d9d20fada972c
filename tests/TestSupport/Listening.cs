using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.Listening;
using SocialEnterprise.Infrastructure.Caching;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Listening;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Shared;

namespace SocialEnterprise.TestSupport;

/// <summary>
/// What the Workers process runs to carry accepted events, on a test database, without its hosted loops: tests decide
/// when a batch is carried.
/// </summary>
public static class ListeningHost
{
    /// <param name="cacheConnectionString">The Redis the Api caches profiles in, so that carrying removes stale ones as the Workers do.</param>
    public static IHost Create(
        string connectionString, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null, string? cacheConnectionString = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration[$"ConnectionStrings:{Resources.Database}"] = connectionString;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.Configuration[key] = value;
        }

        if (time is not null)
        {
            builder.Services.TryAddSingleton(time);
        }

        builder.AddCrmDatabase();
        if (cacheConnectionString is not null)
        {
            builder.Configuration[$"ConnectionStrings:{Resources.Cache}"] = cacheConnectionString;
            builder.AddCrmCache();
        }

        builder.Services.AddListening();
        return builder.Build();
    }

    public static IngestCarrier Carrier(this IHost host) => host.Services.GetRequiredService<IngestCarrier>();
}

/// <summary>Channel events as tests write them, and how a channel posts them: signed, as raw JSON.</summary>
public static class ChannelEvents
{
    public static string NewId(string prefix = "evt") => $"{prefix}-{Guid.NewGuid():N}";

    public static IngestEventRequest Event(
        string text, string handle = "ann_lee", string displayName = "Ann Lee", string kind = MessageKinds.Mention,
        string? externalId = null, string? inReplyTo = null, string? threadId = null, string? email = null, int? followers = null,
        DateTimeOffset? occurredAt = null, int? rating = null, IReadOnlyList<IngestLinkedProfile>? links = null) => new()
    {
        ExternalId = externalId ?? NewId(),
        Kind = kind,
        Author = new IngestAuthor { Handle = handle, DisplayName = displayName, Email = email, Followers = followers, Links = links },
        Text = text,
        InReplyTo = inReplyTo,
        ThreadId = threadId,
        OccurredAt = occurredAt ?? DateTimeOffset.UtcNow,
        Rating = rating,
    };

    public static string Json(IngestEventRequest request) => JsonSerializer.Serialize(request, EventTypes.SerializerOptions);

    /// <summary>Posts <paramref name="body"/> to the channel's webhook, signed with <paramref name="secret"/> (or with the signature given).</summary>
    public static Task<HttpResponseMessage> PostSignedAsync(
        this HttpClient client, string channel, string body, string secret, CancellationToken cancellationToken, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/ingest/{channel}") { Content = content };
        request.Headers.TryAddWithoutValidation(IngestSignature.HeaderName, signature ?? IngestSignature.Sign(secret, bytes));
        return client.SendAsync(request, cancellationToken);
    }

    public static Task<HttpResponseMessage> PostEventAsync(
        this HttpClient client, string channel, IngestEventRequest request, string secret, CancellationToken cancellationToken) =>
        client.PostSignedAsync(channel, Json(request), secret, cancellationToken);
}
