using System.Net;
using SocialEnterprise.Web.Components.Shared;

namespace SocialEnterprise.Web.ComponentTests.Shared;

public sealed class LoadStateTests
{
    [Fact]
    public async Task A_load_overtaken_by_a_later_one_neither_shows_what_it_loaded_nor_its_failure()
    {
        var load = new LoadState("The report");
        var earlier = new TaskCompletionSource<string>();
        var later = new TaskCompletionSource<string>();
        string? shown = null;

        var first = load.RunAsync(() => earlier.Task, answer => shown = answer);
        var second = load.RunAsync(() => later.Task, answer => shown = answer);
        later.SetResult("last 7 days");
        Assert.True(await second);
        earlier.SetException(new HttpRequestException("Timed out.", null, HttpStatusCode.GatewayTimeout));

        Assert.False(await first);
        Assert.Equal("last 7 days", shown);
        Assert.Null(load.Error);
        Assert.False(load.Loading);
    }

    [Fact]
    public async Task A_failure_reads_what_could_not_be_loaded_and_why_until_a_load_succeeds()
    {
        var load = new LoadState("The report");

        Assert.False(await load.RunAsync(() => Task.FromException(new HttpRequestException("Connection refused."))));
        Assert.Equal("The report could not be loaded: Connection refused.", load.Error);

        Assert.True(await load.RunAsync(() => Task.CompletedTask));
        Assert.Null(load.Error);
    }
}
