using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Events;
using SocialEnterprise.Domain.Staff;
using SocialEnterprise.Infrastructure.Access;
using SocialEnterprise.Infrastructure.Events;
using SocialEnterprise.Infrastructure.Staff;
using SocialEnterprise.Web.Access;
using SocialEnterprise.Web.Live;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.ComponentTests;

/// <summary>
/// A bUnit context with what the workspace's components need: MudBlazor, the real live event stream (not connected:
/// tests hand it events the way the Api's stream would), and the real Api client over HTTP to a stand-in for the Api.
/// </summary>
public abstract class WorkspaceContext : BunitContext
{
    protected WorkspaceContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        var tokens = new StaffTokens(Options.Create(new AccessOptions { SigningKey = new string('k', 48) }), TimeProvider.System);
        Live = new LiveEventStream(
            new ConfigurationBuilder().Build(), tokens, new WorkspaceMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), TimeProvider.System, NullLogger<LiveEventStream>.Instance);
        Services.AddSingleton(Live);
        Services.AddSingleton(tokens);
        Services.AddApiClients();
        Services.AddSingleton<IHttpClientFactory>(new StandInClients(Api));
        Services.AddScoped<Components.Inbox.InboxTrail>();
    }

    protected LiveEventStream Live { get; }

    protected ApiStandIn Api { get; } = new();

    /// <summary>
    /// Signs in the demo staff member <paramref name="name"/> (see <see cref="DemoCompany"/>) with their role and
    /// departments, and the workspace policies their role meets.
    /// </summary>
    protected void SignInAs(string name)
    {
        var staff = DemoCompany.Staff.Single(member => member.Name == name);
        var authorization = AddAuthorization();
        authorization.SetAuthorized(staff.Email);
        authorization.SetRoles(staff.Role);
        authorization.SetClaims(
            [
                new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
                new Claim(AccessClaims.DisplayName, staff.DisplayName),
                .. staff.Departments.Select(department => new Claim(AccessClaims.Department, department)),
            ]);
        if (staff.Role is StaffRoles.Admin or StaffRoles.Manager or StaffRoles.Agent)
        {
            authorization.SetPolicies(WorkspacePolicies.Triage);
        }
    }

    /// <summary>The layers the workspace's layout provides: popovers (menus, selects), dialogs and snackbars.</summary>
    protected Layers RenderLayers() =>
        new(Render<MudBlazor.MudPopoverProvider>(), Render<MudBlazor.MudDialogProvider>(), Render<MudBlazor.MudSnackbarProvider>());

    /// <summary>Opens a MudSelect by the element that carries its test id and picks the option that starts with <paramref name="option"/>.</summary>
    protected static void Choose(AngleSharp.Dom.IElement selectInput, string option, Layers layers)
    {
        selectInput.Closest(".mud-input-control")!.MouseDown();
        layers.Popovers.WaitForAssertion(() => layers.Popovers.FindAll(".mud-list-item").First(item => item.TextContent.Trim().StartsWith(option, StringComparison.Ordinal)).Click());
    }

    /// <summary>
    /// The Api refuses the page's load from <paramref name="path"/>: the failure shows in <paramref name="errorTestId"/>
    /// as "<paramref name="what"/> could not be loaded" with the Api's reason; once the Api answers with
    /// <paramref name="answer"/>, Try again loads the page, which shows <paramref name="loaded"/> (a selector) and no failure.
    /// </summary>
    protected IRenderedComponent<TPage> TryingAgainAfterAFailedLoadShows<TPage>(
        string path, string what, string errorTestId, object answer, string loaded, Func<IRenderedComponent<TPage>>? render = null)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        const string Reason = "The database is not reachable.";
        Api.Problem(HttpMethod.Get, path, HttpStatusCode.ServiceUnavailable, Reason);
        var page = render is null ? Render<TPage>() : render();
        var error = $"[data-testid={errorTestId}]";
        page.WaitForAssertion(() => Assert.Contains($"{what} could not be loaded: {Reason}", page.Find(error).TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll(loaded));

        Api.Answer(HttpMethod.Get, path, HttpStatusCode.OK, answer);
        page.Find($"{error} button").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(loaded)));
        Assert.Empty(page.FindAll(error));
        return page;
    }

    protected sealed record Layers(
        IRenderedComponent<MudBlazor.MudPopoverProvider> Popovers,
        IRenderedComponent<MudBlazor.MudDialogProvider> Dialogs,
        IRenderedComponent<MudBlazor.MudSnackbarProvider> Snackbars);

    protected static EventEnvelope Envelope(DomainEvent domainEvent, long sequence)
    {
        using var payload = JsonDocument.Parse(EventTypes.Serialize(domainEvent));
        return new EventEnvelope(sequence, EventTypes.NameOf(domainEvent), domainEvent.StreamId, domainEvent.OccurredAt, payload.RootElement.Clone());
    }
}
