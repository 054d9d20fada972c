namespace SocialEnterprise.Workers;

/// <summary>Which worker process this is, as shown in heartbeats and on the work it carried.</summary>
public sealed record WorkerInstance(string Name)
{
    public static WorkerInstance Current() => new($"{Environment.MachineName}/{Environment.ProcessId}");
}
