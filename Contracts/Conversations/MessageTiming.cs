namespace SocialEnterprise.Contracts.Conversations;

/// <summary>
/// The time a channel claims for a message against the time it reached us. A channel's date is trusted within a
/// tolerance; beyond it (a message dated in the future, or held by the channel for hours or days) the inbox's order and
/// the service-level clocks count from the message's arrival, and the workspace says so.
/// </summary>
public static class MessageTiming
{
    /// <summary>How much later than its written time a message may reach us and still count from it: a channel's usual delay and its webhook retries.</summary>
    public static readonly TimeSpan DeliveryTolerance = TimeSpan.FromMinutes(15);

    /// <summary>When the message counts as written: its written time, unless it is dated in the future or arrived later than the tolerance.</summary>
    public static DateTimeOffset CountsFrom(DateTimeOffset occurredAt, DateTimeOffset receivedAt) =>
        DatedInTheFuture(occurredAt, receivedAt) || ArrivedLate(occurredAt, receivedAt) ? receivedAt : occurredAt;

    public static bool DatedInTheFuture(DateTimeOffset occurredAt, DateTimeOffset receivedAt) => occurredAt > receivedAt;

    public static bool ArrivedLate(DateTimeOffset occurredAt, DateTimeOffset receivedAt) => receivedAt - occurredAt > DeliveryTolerance;
}
