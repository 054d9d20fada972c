namespace SocialEnterprise.Contracts.Probes;

public static class PipelineProbeStatuses
{
    public const string Requested = "requested";
    public const string Completed = "completed";

    public static readonly IReadOnlyList<string> All = [Requested, Completed];
}
