using System.Net;
using Bunit;
using SocialEnterprise.Contracts.Assignment;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Web.Components.Admin;

namespace SocialEnterprise.Web.ComponentTests.Admin;

public sealed class StaffAndDepartmentsTests : WorkspaceContext
{
    private const string DepartmentsPath = "/api/departments";

    private static readonly DepartmentMemberView Alex = new(Guid.NewGuid(), "Alex Agent", StaffAvailability.Available, 3, 8, ["billing"]);
    private static readonly DepartmentMemberView Jordan = new(Guid.NewGuid(), "Jordan Agent", StaffAvailability.Away, 0, 6, []);

    private static readonly TopicView Billing = new("billing", "Billing", "support", ["invoice"], [], 0, DateTimeOffset.UtcNow, "system");

    public StaffAndDepartmentsTests()
    {
        SignInAs("admin");
        Api.Answer(HttpMethod.Get, "/api/topics", HttpStatusCode.OK, new[] { Billing });
    }

    [Fact]
    public void Departments_show_strategy_availability_and_queue_and_staff_appear_once_with_their_load()
    {
        AnswerDepartments();

        var page = Render<StaffAndDepartments>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=department]").Count));
        var support = page.Find("[data-testid=department][data-id=support]");
        Assert.Equal(AssignmentStrategies.RoundRobin, support.GetAttribute("data-strategy"));
        Assert.Contains("1 of 2", support.TextContent, StringComparison.Ordinal);
        Assert.Equal("4 waiting", support.QuerySelector("[data-testid=queue-length]")!.TextContent.Trim());
        // Jordan is in support and sales, and is listed once, with both.
        var staff = page.FindAll("[data-testid=staff]");
        Assert.Equal(2, staff.Count);
        var jordan = page.Find($"[data-testid=staff][data-id='{Jordan.Id}']");
        Assert.Contains("Support, Sales", jordan.TextContent, StringComparison.Ordinal);
        var alex = page.Find($"[data-testid=staff][data-id='{Alex.Id}']");
        Assert.Equal("3 / 8", alex.QuerySelector("[data-testid=load]")!.TextContent.Trim());
        Assert.Equal(["billing"], alex.QuerySelectorAll("[data-testid=skill]").Select(chip => chip.TextContent.Trim()));
    }

    [Fact]
    public void Choosing_a_strategy_sends_it_for_the_department()
    {
        AnswerDepartments();
        Api.Answer(HttpMethod.Put, $"{DepartmentsPath}/sales", HttpStatusCode.NoContent);
        var layers = RenderLayers();
        var page = Render<StaffAndDepartments>();
        page.WaitForAssertion(() => page.Find("[data-testid=department][data-id=sales]"));

        Choose(page.Find("[data-testid=department][data-id=sales] input"), "Least load", layers);

        page.WaitForAssertion(() => Assert.Single(Api.CallsTo(HttpMethod.Put, $"{DepartmentsPath}/sales")));
        Assert.Equal(AssignmentStrategies.LeastLoad, Api.CallsTo(HttpMethod.Put, $"{DepartmentsPath}/sales")[0].Json.GetProperty("strategy").GetString());
    }

    [Fact]
    public void Editing_capacity_sends_it_with_the_skills_and_the_Api_field_errors_show_beside_the_field()
    {
        AnswerDepartments();
        Api.Problem(HttpMethod.Put, $"/api/staff/{Alex.Id}", HttpStatusCode.BadRequest, errors: new()
        {
            ["capacity"] = ["Not more than the department allows."],
        });
        var page = Render<StaffAndDepartments>();
        page.WaitForAssertion(() => page.Find($"[data-testid=staff][data-id='{Alex.Id}'] [data-testid=edit-staff]").Click());

        page.Find("input[data-testid=capacity]").Change("7");
        page.Find("[data-testid=save-staff]").Click();

        page.WaitForAssertion(() => Assert.Contains("Not more than the department allows.", page.Markup, StringComparison.Ordinal));
        var body = Assert.Single(Api.CallsTo(HttpMethod.Put, $"/api/staff/{Alex.Id}")).Json;
        Assert.Equal(7, body.GetProperty("capacity").GetInt32());
        Assert.Equal(["billing"], body.GetProperty("skills").EnumerateArray().Select(skill => skill.GetString()));
    }

    [Fact]
    public void A_failure_to_load_says_so()
    {
        Api.Problem(HttpMethod.Get, DepartmentsPath, HttpStatusCode.InternalServerError, "Something broke.");

        var page = Render<StaffAndDepartments>();

        page.WaitForAssertion(() => Assert.Contains("Something broke.", page.Find("[data-testid=staff-admin-error]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void An_admin_adds_a_staff_member_and_the_Api_s_field_problems_show_on_their_fields()
    {
        AnswerDepartments();
        Api.Problem(HttpMethod.Post, "/api/staff", HttpStatusCode.BadRequest, errors: new()
        {
            ["password"] = ["Passwords must be at least 12 characters."],
        });
        var layers = RenderLayers();
        var page = Render<StaffAndDepartments>();
        page.WaitForAssertion(() => page.Find("[data-testid=add-staff]"));

        page.Find("[data-testid=add-staff]").Click();
        layers.Dialogs.WaitForAssertion(() => layers.Dialogs.Find("[data-testid=add-staff-dialog]"));
        layers.Dialogs.Find("input[data-testid=staff-email], [data-testid=staff-email] input").Change("nina@example.test");
        layers.Dialogs.Find("input[data-testid=staff-name], [data-testid=staff-name] input").Change("Nina Newcomer");
        layers.Dialogs.Find("input[data-testid=staff-password], [data-testid=staff-password] input").Change("short");
        layers.Dialogs.Find("[data-testid=confirm-add-staff]").Click();

        layers.Dialogs.WaitForAssertion(() => Assert.Contains("at least 12 characters", layers.Dialogs.Markup, StringComparison.Ordinal));
        var sent = Assert.Single(Api.CallsTo(HttpMethod.Post, "/api/staff")).Json;
        Assert.Equal(("nina@example.test", "Nina Newcomer", StaffRoles.Agent, "short"),
            (sent.GetProperty("email").GetString(), sent.GetProperty("displayName").GetString(), sent.GetProperty("role").GetString(),
             sent.GetProperty("password").GetString()));
        Assert.NotNull(layers.Dialogs.Find("[data-testid=add-staff-dialog]"));
    }

    private void AnswerDepartments() => Api.Answer(HttpMethod.Get, DepartmentsPath, HttpStatusCode.OK, new[]
    {
        new DepartmentView("support", "Support", AssignmentStrategies.RoundRobin, 4, [Alex, Jordan]),
        new DepartmentView("sales", "Sales", AssignmentStrategies.RoundRobin, 0, [Jordan]),
    });
}
