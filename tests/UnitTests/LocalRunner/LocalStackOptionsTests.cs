using SocialEnterprise.LocalRunner;
using SocialEnterprise.Shared;

namespace SocialEnterprise.UnitTests.LocalRunner;

public sealed class LocalStackOptionsTests
{
    [Fact]
    public void Without_settings_the_documented_defaults_apply()
    {
        var options = LocalStackOptions.FromEnvironment("/repo", _ => null);

        Assert.Equal(5080, options.WebPort);
        Assert.Equal(5180, options.ApiPort);
        Assert.Equal(DefaultPorts.Workers, options.WorkersPort);
        Assert.Equal(DefaultPorts.Postgres, options.PostgresPort);
        Assert.Equal(DefaultPorts.Cache, options.CachePort);
        Assert.Equal(Path.GetFullPath("/repo/.data"), options.DataDirectory);
        Assert.True(options.Durable);
        Assert.Null(options.OtlpEndpoint);
    }

    [Fact]
    public void Every_port_the_data_folder_and_the_OTLP_endpoint_can_be_overridden()
    {
        var settings = new Dictionary<string, string>
        {
            ["SE_WEB_PORT"] = "6080",
            ["SE_API_PORT"] = "6180",
            ["SE_WORKERS_PORT"] = "6280",
            ["SE_POSTGRES_PORT"] = "6432",
            ["SE_CACHE_PORT"] = "6479",
            ["SE_DATA_DIR"] = "/var/tmp/se",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317",
        };

        var options = LocalStackOptions.FromEnvironment("/repo", settings.GetValueOrDefault);

        Assert.Equal((6080, 6180, 6280, 6432, 6479), (options.WebPort, options.ApiPort, options.WorkersPort, options.PostgresPort, options.CachePort));
        Assert.Equal("/var/tmp/se", options.DataDirectory);
        Assert.Equal("http://127.0.0.1:4317", options.OtlpEndpoint);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("-1")]
    public void A_port_that_is_not_a_port_is_refused_with_its_name(string value)
    {
        var refused = Assert.Throws<ArgumentException>(() =>
            LocalStackOptions.FromEnvironment("/repo", name => name == "SE_API_PORT" ? value : null));

        Assert.Contains("SE_API_PORT", refused.Message, StringComparison.Ordinal);
    }
}
