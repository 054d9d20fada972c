using SocialEnterprise.Contracts.Classification;

namespace SocialEnterprise.Web.Operations;

/// <summary>The topics messages are classified into.</summary>
public sealed class ClassificationClient(ApiTransport api)
{
    public async Task<IReadOnlyList<TopicView>> TopicsAsync(CancellationToken cancellationToken) =>
        await api.ReadAsync<List<TopicView>>(HttpMethod.Get, "api/topics", null, cancellationToken);

    public Task<TopicView> CreateTopicAsync(TopicRequest topic, CancellationToken cancellationToken) =>
        api.ReadAsync<TopicView>(HttpMethod.Post, "api/topics", topic, cancellationToken);

    public Task<TopicView> ChangeTopicAsync(string key, TopicRequest topic, CancellationToken cancellationToken) =>
        api.ReadAsync<TopicView>(HttpMethod.Put, $"api/topics/{Uri.EscapeDataString(key)}", topic, cancellationToken);

    public Task DeleteTopicAsync(string key, CancellationToken cancellationToken) =>
        api.CallAsync(HttpMethod.Delete, $"api/topics/{Uri.EscapeDataString(key)}", null, cancellationToken);
}
