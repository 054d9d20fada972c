using SocialEnterprise.Contracts.Probes;
using SocialEnterprise.Domain.Probes;

namespace SocialEnterprise.Infrastructure.Probes;

/// <summary>The probes records the Api answers with, made from the entities.</summary>
public static class ProbeViews
{
    public static ProbeResponse ProbeResponse(PipelineProbe probe) => new(
        probe.Id, probe.Status, probe.RequestedBy, probe.RequestedAt, probe.CompletedAt, probe.CompletedBy);
}
