using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Web.Access;
using SocialEnterprise.Web.Components.Layout;

namespace SocialEnterprise.Web.ComponentTests.Layout;

public sealed class AssignedToYouTests : WorkspaceContext
{
    public AssignedToYouTests() => SignInAs("agent");

    [Fact]
    public async Task A_conversation_given_to_me_by_assignment_says_so_with_its_reason_and_others_stay_quiet()
    {
        var me = StaffMember.From((await Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User)!;
        var layers = RenderLayers();
        var notice = Render<AssignedToYou>();
        var now = DateTimeOffset.UtcNow;

        await notice.InvokeAsync(() => Live.PublishAsync(Envelope(
            new ConversationAssigned(Guid.NewGuid(), "support", null, Guid.NewGuid(), "Jordan Agent", "assignment", now, "round-robin in support: Jordan Agent, 1/8 open"), 1)));
        await notice.InvokeAsync(() => Live.PublishAsync(Envelope(
            new ConversationAssigned(Guid.NewGuid(), "support", null, me.Id, me.DisplayName, me.DisplayName, now, "claimed by Alex Agent"), 2)));
        await notice.InvokeAsync(() => Live.PublishAsync(Envelope(
            new ConversationAssigned(Guid.NewGuid(), "support", null, me.Id, me.DisplayName, "assignment", now, "least-load in support: Alex Agent, 2/8 open, skill billing"), 3)));

        layers.Snackbars.WaitForAssertion(() => Assert.Contains(
            "A conversation was assigned to you: least-load in support: Alex Agent, 2/8 open, skill billing.", layers.Snackbars.Markup, StringComparison.Ordinal));
        Assert.Single(layers.Snackbars.FindAll(".mud-snackbar"));
    }

    [Fact]
    public async Task A_burst_of_assignments_is_one_notice_with_its_count_that_opens_my_conversations()
    {
        var me = StaffMember.From((await Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User)!;
        var layers = RenderLayers();
        var notice = Render<AssignedToYou>();
        var now = DateTimeOffset.UtcNow;

        for (var i = 1; i <= 3; i++)
        {
            await notice.InvokeAsync(() => Live.PublishAsync(Envelope(
                new ConversationAssigned(Guid.NewGuid(), "support", null, me.Id, me.DisplayName, "assignment", now, $"round-robin in support: Alex Agent, {i}/8 open"), i)));
        }

        layers.Snackbars.WaitForAssertion(() => Assert.Contains("3 conversations were assigned to you.", layers.Snackbars.Markup, StringComparison.Ordinal));
        Assert.Single(layers.Snackbars.FindAll(".mud-snackbar"));
        layers.Snackbars.Find(".mud-snackbar button").Click();
        Assert.EndsWith("/?status=open&assignee=me", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
    }
}
