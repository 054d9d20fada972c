using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Staff;

namespace SocialEnterprise.Domain.Tests.Classification;

public sealed class TopicCatalogueTests
{
    private readonly MessageClassifier _classifier = new();

    [Fact]
    public void The_default_catalogue_routes_every_topic_to_a_department()
    {
        var departments = Department.Standard.Select(department => department.Id).ToList();

        Assert.InRange(TopicCatalogue.Default.Topics.Count, 10, 14);
        Assert.All(TopicCatalogue.Default.Topics, topic =>
        {
            Assert.Contains(topic.Department, departments);
            Assert.NotEmpty(topic.Keywords);
        });
        Assert.Equal(departments.Order(), TopicCatalogue.Default.Topics.Select(topic => topic.Department).Distinct().Order());
    }

    [Fact]
    public void The_topic_with_most_keywords_wins()
    {
        var catalogue = Catalogue(new Topic("money", "Money", "support", ["invoice"]), new Topic("parcels", "Parcels", "support", ["parcel", "courier"]));

        Assert.Equal("parcels", TopicOf("The courier lost the parcel and the invoice", catalogue));
    }

    [Fact]
    public void A_tie_goes_to_the_longer_phrase_and_then_to_the_topic_listed_first()
    {
        var catalogue = Catalogue(
            new Topic("first", "First", "support", ["order"]),
            new Topic("second", "Second", "sales", ["order status"]),
            new Topic("third", "Third", "product", ["status"]));

        Assert.Equal("second", TopicOf("What is my order status", catalogue));
        Assert.Equal("first", TopicOf("Order received, status unknown", catalogue));

        var classification = _classifier.Classify(new("Order received, status unknown", "x", "mention"), catalogue);
        Assert.Contains(classification.Signals, signal => signal.Rule == "tie with third broken by listed first");
    }

    [Theory]
    [InlineData("Wo bleibt meine RÜCKERSTATTUNG?", "Rückerstattung")]
    [InlineData("where is my remboursement", "remboursement")]
    [InlineData("Two invoices arrived", "invoice")]
    [InlineData("It was refunded yesterday", "refund*")]
    [InlineData("Can't LOG-IN since today", "log in")]
    public void Keywords_match_regardless_of_case_accents_plurals_and_endings(string text, string keyword) =>
        Assert.Equal("money", TopicOf(text, Catalogue(new Topic("money", "Money", "support", [keyword]))));

    [Theory]
    [InlineData("I love my apple watch", "app")]
    [InlineData("Happy customer here", "app")]
    [InlineData("The dark modes are hidden", "dark mode on")]
    public void Keywords_match_on_word_boundaries_only(string text, string keyword) =>
        Assert.Null(TopicOf(text, Catalogue(new Topic("app", "App", "engineering", [keyword]))));

    [Fact]
    public void Broad_keywords_decide_only_when_no_keyword_is_found()
    {
        var catalogue = Catalogue(
            new Topic("hardware", "Hardware", "product", ["battery"], ["lamp"]),
            new Topic("returns", "Returns", "support", ["return"]));

        Assert.Equal("hardware", TopicOf("I love this lamp", catalogue));
        Assert.Equal("returns", TopicOf("Can I return the lamp?", catalogue));
        Assert.Null(TopicOf("Nothing to see here", catalogue));
    }

    [Fact]
    public void A_catalogue_refuses_unknown_departments_and_duplicate_keys()
    {
        Assert.Throws<ArgumentException>(() => Catalogue(new Topic("billing", "Billing", "accounting", ["invoice"])));
        Assert.Throws<ArgumentException>(() => Catalogue(new Topic("billing", "Billing", "support", ["invoice"]), new Topic("billing", "Again", "sales", ["quote"])));
        Assert.Throws<ArgumentException>(() => Catalogue(new Topic(" ", "Blank", "support", ["invoice"])));
    }

    private static TopicCatalogue Catalogue(params Topic[] topics) => new(topics);

    private string? TopicOf(string text, TopicCatalogue catalogue) => _classifier.Classify(new(text, "x", "mention"), catalogue).Topic;
}
