using SocialEnterprise.Api.Audit;

namespace SocialEnterprise.Api.IntegrationTests.Audit;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void Values_are_quoted_and_formulas_defused(string? value, string expected) =>
        Assert.Equal(expected, AuditApi.Csv(value));

    [Fact]
    public void A_filter_with_an_unknown_action_or_an_inverted_range_names_the_field()
    {
        var errors = new AuditFilter("staff.flew", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(-1)).Validate();

        Assert.Equal(["action", "since"], errors.Keys.Order());
    }
}
