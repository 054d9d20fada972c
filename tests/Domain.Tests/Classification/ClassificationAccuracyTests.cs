using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Listening;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Listening;

namespace SocialEnterprise.Domain.Tests.Classification;

public sealed class ClassificationAccuracyTests
{
    [Fact]
    public void The_labelled_set_covers_every_type_topic_channel_and_language()
    {
        var messages = LabelledMessages.Load();

        Assert.True(messages.Count >= 240, $"{messages.Count} labelled messages");
        Assert.All(messages.Take(messages.Count - LabelledMessages.HeldOut), message => Assert.False(message.Holdout, message.Id));
        Assert.All(messages.TakeLast(LabelledMessages.HeldOut), message => Assert.True(message.Holdout, message.Id));
        Assert.Equal(messages.Count, messages.Select(message => message.Id).Distinct().Count());
        Assert.All(messages, message =>
        {
            Assert.True(IngestChannels.All.Contains(message.Channel), $"{message.Id}: channel {message.Channel}");
            Assert.True(MessageKinds.All.Contains(message.Kind), $"{message.Id}: kind {message.Kind}");
            Assert.True(MessageTypes.All.Contains(message.Type), $"{message.Id}: type {message.Type}");
            Assert.True(SentimentLabels.All.Contains(message.Sentiment), $"{message.Id}: sentiment {message.Sentiment}");
            Assert.True(Urgencies.All.Contains(message.Urgency), $"{message.Id}: urgency {message.Urgency}");
            Assert.True(message.Language == MessageLanguages.Undetermined || MessageLanguages.Recognised.Contains(message.Language), $"{message.Id}: language {message.Language}");
            Assert.True(message.Topic is null || TopicCatalogue.Default.Find(message.Topic) is not null, $"{message.Id}: topic {message.Topic}");
        });

        foreach (var type in MessageTypes.All)
        {
            Assert.True(messages.Count(message => message.Type == type) >= (type == MessageTypes.Other ? 20 : 25), type);
        }

        Assert.All(TopicCatalogue.Default.Topics, topic => Assert.Contains(messages, message => message.Topic == topic.Key));
        Assert.All(IngestChannels.All, channel => Assert.Contains(messages, message => message.Channel == channel));
        Assert.All(MessageKinds.All, kind => Assert.Contains(messages, message => message.Kind == kind));
        Assert.All(MessageLanguages.Recognised, language => Assert.Contains(messages, message => message.Language == language));
        Assert.InRange(messages.Count(message => message.Language is not (MessageLanguages.English or MessageLanguages.Undetermined)) / (double)messages.Count, 0.12, 0.22);
    }

    [Fact]
    public void The_labelled_set_is_classified_accurately_enough()
    {
        var report = ClassificationReport.Of(LabelledMessages.Load(), new MessageClassifier(), TopicCatalogue.Default);
        var text = report.Text();

        TestContext.Current.TestOutputHelper?.WriteLine(text);
        var folder = Path.Combine(Path.GetTempPath(), "socialenterprise-tests");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "classification-report.txt"), text);

        Assert.True(report.All.Type >= 0.85, report.Summary);
        Assert.True(report.All.Sentiment >= 0.85, report.Summary);
        Assert.True(report.All.Topic >= 0.85, report.Summary);
        Assert.True(report.All.Language >= 0.95, report.Summary);
        Assert.True(report.All.Urgency >= 0.80, report.Summary);
        Assert.True(report.Holdout.Type >= 0.75, report.Summary);
        Assert.True(report.Holdout.Sentiment >= 0.75, report.Summary);
    }
}
