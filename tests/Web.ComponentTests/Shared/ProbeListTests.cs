using Bunit;
using SocialEnterprise.Web.Components.Shared;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.ComponentTests.Shared;

public sealed class ProbeListTests : WorkspaceContext
{
    [Fact]
    public void Without_probes_it_explains_what_a_probe_does()
    {
        var list = Render<ProbeList>(parameters => parameters.Add(p => p.Rows, []));

        Assert.Contains("A probe travels", list.Find("[data-testid=probes-empty]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Waiting_and_carried_probes_are_told_apart_with_their_timings()
    {
        var asked = DateTimeOffset.UtcNow;
        ProbeRow[] rows =
        [
            new(Guid.NewGuid(), "workspace", asked.AddSeconds(1)),
            new(Guid.NewGuid(), "workspace", asked, asked.AddMilliseconds(30), "host/1", asked.AddMilliseconds(45)),
        ];

        var list = Render<ProbeList>(parameters => parameters.Add(p => p.Rows, rows));

        var lines = list.FindAll("[data-testid=probe]");
        Assert.Equal(["waiting", "carried"], lines.Select(line => line.GetAttribute("data-state")));
        Assert.Contains("Waiting for a worker", lines[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Carried by host/1", lines[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("30 ms", lines[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("45 ms", lines[1].QuerySelector("[data-testid=probe-round-trip]")!.TextContent);
    }
}
