using SocialEnterprise.Api;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Api.Assignment;
using SocialEnterprise.Api.Audit;
using SocialEnterprise.Api.Collaboration;
using SocialEnterprise.Api.Conversations;
using SocialEnterprise.Api.Customers;
using SocialEnterprise.Api.Events;
using SocialEnterprise.Api.Listening;
using SocialEnterprise.Api.Operations;
using SocialEnterprise.Api.Replies;
using SocialEnterprise.Api.Probes;
using SocialEnterprise.Api.Reports;
using SocialEnterprise.Api.Routing;
using SocialEnterprise.Api.ServiceLevels;
using SocialEnterprise.Api.Staff;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseApplicationPipeline();
app.MapDefaultEndpoints();
app.MapOpenApi();

app.MapProbesApi();
app.MapSystemApi();
app.MapEventStream();
app.MapMeApi();
app.MapApiKeysApi();
app.MapAuditApi();
app.MapIngestApi();
app.MapListeningReviewApi();
app.MapNoiseRulesApi();
app.MapTopicsApi();
app.MapConversationsApi();
app.MapCustomersApi();
app.MapInboxViewsApi();
app.MapStaffApi();
app.MapRoutingRulesApi();
app.MapConsultsApi();
app.MapNotificationsApi();
app.MapDepartmentActivityApi();
app.MapDepartmentsApi();
app.MapReplyDeliveryApi();
app.MapRepliesApi();
app.MapReplyDraftsApi();
app.MapCannedResponsesApi();
app.MapReportsApi();
app.MapServiceLevelsApi();

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
