namespace SocialEnterprise.Domain.Operations;

/// <summary>
/// The last sign of life of one instance of a service that has no endpoint the others call (the Workers), kept in
/// PostgreSQL so that the Api can report it.
/// </summary>
public sealed class ServiceHeartbeat
{
    public ServiceHeartbeat(string service, string instance, DateTimeOffset startedAt)
    {
        Service = service;
        Instance = instance;
        StartedAt = startedAt;
        LastSeenAt = startedAt;
    }

    public string Service { get; private set; }

    public string Instance { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>Health as the service itself last judged it (its own readiness checks).</summary>
    public string Status { get; private set; } = "Healthy";

    public void Beat(DateTimeOffset now, string status)
    {
        LastSeenAt = now;
        Status = status;
    }

    /// <summary>An instance that has not beaten within <paramref name="window"/> is considered gone.</summary>
    public bool IsAlive(DateTimeOffset now, TimeSpan window) => now - LastSeenAt <= window;
}
