using System.ComponentModel.DataAnnotations;
using SocialEnterprise.Domain.Listening;

namespace SocialEnterprise.Infrastructure.Listening;

/// <summary>How the Workers carry ingested events: configuration section <c>Intake</c>.</summary>
public sealed class ListeningOptions
{
    public const string Section = "Intake";

    /// <summary>
    /// How many batches one Workers process carries at once, each from its own partitions of authors. One loop per core
    /// (at most 8) by default: while one waits for PostgreSQL another computes, so two loops carried 40 % more than one
    /// on two cores.
    /// </summary>
    [Range(1, 32)]
    public int Concurrency { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <summary>
    /// Partitions of the queue, by author (<see cref="IngestShards"/>): a batch locks the partitions it carries until it
    /// commits, so that every loop of every Workers replica carries an author's events one batch at a time, in order.
    /// The same in every replica, and at least as many as all their loops together (else some loops find nothing to take).
    /// </summary>
    [Range(1, IngestShards.Count)]
    public int Partitions { get; set; } = 16;

    /// <summary>How many Workers processes share the queue (the AppHost says how many replicas it starts).</summary>
    [Range(1, 64)]
    public int Replicas { get; set; } = 1;

    /// <summary>A loop's share of the partitions per batch: together the loops of all replicas cover them all.</summary>
    public int PartitionsPerBatch => Math.Max(1, (Partitions + (Concurrency * Replicas) - 1) / (Concurrency * Replicas));

    /// <summary>Events per transaction: larger drains a backlog with fewer commits, smaller commits (and shows) sooner.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Failures before an event is parked for an admin.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after being resolved a conversation reopens when the customer writes again (instead of a new one).</summary>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a reply waits for the message it answers when that message is still being carried.</summary>
    public TimeSpan ParentWait { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often the queue is read when no notification arrives (notifications are only a shortcut).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public IngestRetryPolicy RetryPolicy => new(MaxAttempts, FirstRetryDelay, MaxRetryDelay);
}
