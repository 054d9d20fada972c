using System.Text.Json;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Events;

namespace SocialEnterprise.Domain.Listening;

/// <summary>
/// An event a channel posted, stored as accepted before the channel gets its answer, then carried by the Workers into
/// a conversation (or filtered as noise, or parked after repeated failures). The row is both the durable queue and the
/// record of what came in: nothing accepted is ever deleted.
/// </summary>
public sealed class IngestEvent : EventSource
{
    private IngestEventRequest? _request;

    private IngestEvent()
    {
    }

    public Guid Id { get; private set; }

    public string Channel { get; private set; } = "";

    public string ExternalId { get; private set; } = "";

    public string Kind { get; private set; } = "";

    /// <summary>The validated body, as JSON.</summary>
    public string Payload { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>Which of the carriers' partitions the event falls in: the same for every event of one author (see <see cref="IngestShards"/>).</summary>
    public int Shard { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string Status { get; private set; } = IngestEventStatuses.Pending;

    /// <summary>How many times a worker tried to carry the event and failed.</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>The error of the last failed attempt; kept after a later success, as the record of why it was retried.</summary>
    public string? LastError { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public string? FilterReason { get; private set; }

    public Guid? FilterRuleId { get; private set; }

    /// <summary>Staff restored the event from the filtered list: the noise filter no longer applies to it.</summary>
    public bool RestoredByStaff { get; private set; }

    public Guid? ConversationId { get; private set; }

    public Guid? MessageId { get; private set; }

    /// <summary>The trace context of the webhook request that accepted the event: the Workers carry it on in the same trace.</summary>
    public string? TraceParent { get; private set; }

    /// <summary>The payload as the channel sent it (read once: the carrier asks for it at several steps).</summary>
    public IngestEventRequest Request() =>
        _request ??= JsonSerializer.Deserialize<IngestEventRequest>(Payload, EventTypes.SerializerOptions)
            ?? throw new InvalidOperationException($"Ingest event {Id} has an empty payload.");

    public void MarkProcessed(Guid conversationId, Guid messageId, DateTimeOffset now)
    {
        Status = IngestEventStatuses.Processed;
        ConversationId = conversationId;
        MessageId = messageId;
        ProcessedAt = now;
    }

    public void MarkFiltered(string reason, Guid? ruleId, DateTimeOffset now)
    {
        Status = IngestEventStatuses.Filtered;
        FilterReason = reason;
        FilterRuleId = ruleId;
        ProcessedAt = now;
        Record(new IngestEventFiltered(Id, Channel, ExternalId, reason, now));
    }

    /// <summary>Leaves the event waiting without counting a failure, e.g. until the message it answers is stored.</summary>
    public void Defer(DateTimeOffset until) => NextAttemptAt = until;

    /// <summary>Counts a failed attempt: the event waits for a retry with backoff, or is parked after the last one.</summary>
    /// <param name="contention">
    /// Another carrier was storing the same customer or thread at the same moment: the retry will find its work
    /// committed, so it comes soon instead of after the backoff (it still counts, so a real fault is parked in the end).
    /// </param>
    public void RecordFailure(string error, DateTimeOffset now, IngestRetryPolicy policy, bool contention = false)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        if (Attempts >= policy.MaxAttempts)
        {
            Status = IngestEventStatuses.Parked;
            Record(new IngestEventParked(Id, Channel, ExternalId, LastError, Attempts, now));
        }
        else
        {
            NextAttemptAt = now + (contention ? policy.FirstDelay / 4 : policy.DelayAfter(Attempts));
        }
    }

    /// <summary>Puts a parked event back in the queue for a fresh set of attempts.</summary>
    public bool Replay(DateTimeOffset now)
    {
        if (Status != IngestEventStatuses.Parked)
        {
            return false;
        }

        Status = IngestEventStatuses.Pending;
        Attempts = 0;
        NextAttemptAt = now;
        return true;
    }

    /// <summary>Sends a filtered event back through the pipeline with the noise filter switched off for it.</summary>
    public bool Restore(DateTimeOffset now)
    {
        if (Status != IngestEventStatuses.Filtered)
        {
            return false;
        }

        Status = IngestEventStatuses.Pending;
        RestoredByStaff = true;
        NextAttemptAt = now;
        return true;
    }
}


/// <summary>Retry with exponential backoff, capped; after <see cref="MaxAttempts"/> failures the event is parked.</summary>
public sealed record IngestRetryPolicy(int MaxAttempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public TimeSpan DelayAfter(int attempts)
    {
        var delay = FirstDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        return delay < MaxDelay ? delay : MaxDelay;
    }
}

/// <summary>
/// Events of one author go to one partition, so that carriers working in parallel do not queue behind each other's
/// locks on the same customer and conversations: the stable FNV-1a hash, in 1,024 shards, of the author's e-mail
/// address when the channel gives one, else of channel and handle. By e-mail first: the intake joins identities that
/// share an address to one customer, and two carriers reading the address at once would each create a customer.
/// </summary>
public static class IngestShards
{
    public const int Count = 1024;

    public static int Of(string channel, string handle, string? email = null)
    {
        var hash = 2166136261u;
        var key = Customers.IdentityKeys.Email(email) is { } address ? $"email/{address}" : $"{channel}/{Customers.IdentityKeys.Handle(handle)}";
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }
}
