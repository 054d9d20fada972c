using System.Diagnostics;

namespace SocialEnterprise.Web.Live;

/// <summary>The workspace's traces: each live event pushed to staff continues the trace that wrote it.</summary>
public static class LiveTelemetry
{
    public static readonly ActivitySource Source = new("SocialEnterprise.Live");
}
