using SocialEnterprise.Domain.Listening;

namespace SocialEnterprise.Domain.Tests.Listening;

public sealed class IngestShardsTests
{
    [Fact]
    public void One_author_on_one_channel_is_one_shard_whatever_the_handles_spelling()
    {
        Assert.Equal(IngestShards.Of("x", "@Uma_Unified"), IngestShards.Of("x", "uma_unified"));
    }

    [Fact]
    public void Events_that_share_an_email_address_share_a_shard_across_channels_so_one_carrier_joins_them()
    {
        var email = IngestShards.Of("email", "uma@example.com", "uma@example.com");

        Assert.Equal(email, IngestShards.Of("chat", "visitor-4711", " Uma@Example.com "));
        Assert.InRange(email, 0, IngestShards.Count - 1);
    }

    /// <summary>The carriers lock partitions of shards (16 by default): each should hold a fair part of the authors.</summary>
    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    public void Authors_spread_evenly_over_the_partitions(int partitions)
    {
        var shards = Enumerable.Range(0, 8_000).Select(i => IngestShards.Of("x", $"author{i}")).ToList();
        var share = 8_000 / partitions;

        Assert.All(Enumerable.Range(0, partitions), partition => Assert.InRange(shards.Count(s => s % partitions == partition), share * 4 / 5, share * 6 / 5));
    }
}
