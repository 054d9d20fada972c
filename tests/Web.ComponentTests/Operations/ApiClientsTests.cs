using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Contracts.Customers;
using SocialEnterprise.Contracts.Filtering;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.ComponentTests.Operations;

public sealed class ApiClientsTests : WorkspaceContext
{
    public ApiClientsTests() => SignInAs("admin");

    private T Client<T>() where T : notnull => Services.GetRequiredService<T>();

    [Fact]
    public async Task A_validation_problem_carries_each_field_error()
    {
        Api.Problem(HttpMethod.Post, "/api/noise-rules", HttpStatusCode.BadRequest, errors: new()
        {
            ["kind"] = ["Must be one of spam-pattern, blocked-author."],
            ["pattern"] = ["Required."],
        });

        var problem = await Assert.ThrowsAsync<ApiProblemException>(() =>
            Client<FilteringClient>().CreateNoiseRuleAsync(new NoiseRuleRequest("nonsense", "", null, true), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Equal("Required.", problem.ErrorFor("pattern"));
        Assert.Equal("Must be one of spam-pattern, blocked-author.", problem.ErrorFor("Kind"));
        Assert.Null(problem.ErrorFor("description"));
        Assert.Equal("kind: Must be one of spam-pattern, blocked-author.; pattern: Required.", problem.Reason);
    }

    [Fact]
    public async Task A_conflict_carries_the_Api_reason()
    {
        var id = Guid.NewGuid();
        Api.Problem(HttpMethod.Post, $"/api/customers/merges/{id}/undo", HttpStatusCode.Conflict, "Already undone.");

        var problem = await Assert.ThrowsAsync<ApiProblemException>(() => Client<CustomersClient>().UndoMergeAsync(id, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Conflict, problem.StatusCode);
        Assert.Equal("Already undone.", problem.Reason);
        Assert.Equal("The Api answered 409: Already undone.", problem.Message);
    }

    [Fact]
    public async Task An_answer_that_is_not_problem_details_still_says_what_happened()
    {
        Api.Answer(HttpMethod.Get, "/api/topics", _ => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("upstream down") });

        var problem = await Assert.ThrowsAsync<ApiProblemException>(() => Client<ClassificationClient>().TopicsAsync(TestContext.Current.CancellationToken));

        Assert.Equal("upstream down", problem.Reason);
        Assert.Empty(problem.Errors);
    }

    [Fact]
    public async Task The_calls_send_the_body_in_the_Api_spelling_and_escape_what_goes_in_the_path()
    {
        Api.Answer(HttpMethod.Post, "/api/customers/merges", HttpStatusCode.Created,
            new MergeView(Guid.NewGuid(), Guid.NewGuid(), "a", Guid.NewGuid(), "b", 1, "admin", DateTimeOffset.UtcNow, null, null));
        Api.Answer(HttpMethod.Get, "/api/ingest/filtered?channel=x&limit=10&offset=20", HttpStatusCode.OK, new { items = Array.Empty<object>(), total = 0 });
        var source = Guid.NewGuid();
        var target = Guid.NewGuid();

        await Client<CustomersClient>().MergeCustomersAsync(new MergeRequest(source, target, null), TestContext.Current.CancellationToken);
        var page = await Client<ListeningClient>().FilteredEventsAsync("x", 10, 20, TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<ApiProblemException>(() => Client<ClassificationClient>().DeleteTopicAsync("a/b", TestContext.Current.CancellationToken));

        var merge = Assert.Single(Api.CallsTo(HttpMethod.Post, "/api/customers/merges")).Json;
        Assert.Equal(source, merge.GetProperty("sourceId").GetGuid());
        Assert.Equal(target, merge.GetProperty("targetId").GetGuid());
        Assert.Equal(0, page.Total);
        Assert.Equal("/api/topics/a%2Fb", Api.Calls[^1].PathAndQuery);
    }
}
