using System.Diagnostics;

namespace SocialEnterprise.Infrastructure.Operations;

/// <summary>
/// The services' own traces: one activity source per feature, named <c>SocialEnterprise.*</c> like their meters (each
/// feature's metrics class), which the service defaults export to the dashboard.
/// </summary>
public static class Telemetry
{
    public static readonly ActivitySource Intake = new("SocialEnterprise.Intake");

    public static readonly ActivitySource Outbound = new("SocialEnterprise.Outbound");
}
