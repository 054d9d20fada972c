namespace SocialEnterprise.Contracts.Listening;

/// <summary>The body a channel posts to <c>POST /api/ingest/{channel}</c>.</summary>
public sealed record IngestEventRequest
{
    /// <summary>The channel's own id of the event; the same id twice on one channel is one event.</summary>
    public string? ExternalId { get; init; }

    /// <summary>mention, comment, post, dm, review, email or chat.</summary>
    public string? Kind { get; init; }

    public IngestAuthor? Author { get; init; }

    public string? Text { get; init; }

    /// <summary>The external id of the message this one answers, on the same channel.</summary>
    public string? InReplyTo { get; init; }

    /// <summary>The channel's id of the thread (a post, an email thread, a chat session).</summary>
    public string? ThreadId { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public string? Url { get; init; }

    /// <summary>Star rating of a review, 1 to 5.</summary>
    public int? Rating { get; init; }
}

/// <summary>Who wrote the event, as the channel knows them.</summary>
public sealed record IngestAuthor
{
    public string? Handle { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    public int? Followers { get; init; }

    /// <summary>Other channels' handles the author declares as their own (for example on their profile).</summary>
    public IReadOnlyList<IngestLinkedProfile>? Links { get; init; }
}

/// <summary>A profile on another channel the author declares as theirs.</summary>
public sealed record IngestLinkedProfile(string? Channel, string? Handle);

/// <summary>The answer to an accepted event: 202 when new, 200 with <c>Duplicate</c> when the external id was seen.</summary>
public sealed record IngestAccepted(Guid Id, bool Duplicate);
