using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace SocialEnterprise.TestSupport;

/// <summary>A real meter factory, as a host registers it, for code a test constructs itself.</summary>
public static class Meters
{
    public static IMeterFactory Factory() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
