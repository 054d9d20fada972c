using System.Text;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Customers;
using SocialEnterprise.Domain.Listening;

namespace SocialEnterprise.Domain.Tests.Listening;

public sealed class IngestSignatureTests
{
    [Fact]
    public void A_signature_is_the_lower_case_hex_hmac_of_the_exact_body()
    {
        var body = Encoding.UTF8.GetBytes("""{"text":"hello"}""");

        var signature = IngestSignature.Sign("dev-secret", body);

        // printf '%s' '{"text":"hello"}' | openssl dgst -sha256 -hmac dev-secret -hex
        Assert.Equal("sha256=35b84d09bd9885d08b09677e4f0ce7c2ba71c958ba4245fcb0df8a9163b8b63e", signature);
        Assert.True(IngestSignature.IsValid("dev-secret", body, signature));
        Assert.False(IngestSignature.IsValid("dev-secret", body, signature.ToUpperInvariant()));
        Assert.False(IngestSignature.IsValid("dev-secret", [.. body, (byte)' '], signature));
        Assert.False(IngestSignature.IsValid("other-secret", body, signature));
        Assert.False(IngestSignature.IsValid("dev-secret", body, null));
        Assert.False(IngestSignature.IsValid("dev-secret", body, "sha256=" + new string('g', 64)));
    }

    [Theory]
    [InlineData("Ann Lee", "ann lee")]
    [InlineData("  Ann-Lee 🌸 ", "ann lee")]
    [InlineData("Zoë O'Brien", "zoe o brien")]
    public void Names_compare_without_case_accents_or_punctuation(string displayName, string key) =>
        Assert.Equal(key, IdentityKeys.Name(displayName));

    [Theory]
    [InlineData("@Ann_Lee", "ann_lee", "annlee")]
    [InlineData("annlee84", "annlee84", "annlee")]
    [InlineData(" ann.lee ", "ann.lee", "annlee")]
    public void Handles_are_stored_lower_case_and_compared_by_their_letters(string handle, string stored, string letters)
    {
        Assert.Equal(stored, IdentityKeys.Handle(handle));
        Assert.Equal(letters, IdentityKeys.HandleLetters(handle));
    }

    [Fact]
    public void The_validator_names_every_invalid_field()
    {
        var errors = IngestEventValidator.Validate(new IngestEventRequest
        {
            ExternalId = new string('x', 201),
            Kind = "tweet",
            Author = new IngestAuthor { Handle = "a", DisplayName = "", Email = "nope", Followers = -1, Links = [new IngestLinkedProfile("myspace", "")] },
            Text = "ok",
            OccurredAt = DateTimeOffset.UtcNow.AddDays(2),
            Url = "ftp://example.com",
            Rating = 0,
        }, DateTimeOffset.UtcNow);

        Assert.Equal(
            ["author.displayName", "author.email", "author.followers", "author.links[0].channel", "author.links[0].handle", "externalId", "kind", "occurredAt", "rating", "url"],
            errors.Keys.Order(StringComparer.Ordinal));
    }
}
