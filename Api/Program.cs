using SocialEnterprise.Api;
using SocialEnterprise.Api.Access;
using SocialEnterprise.Api.Audit;
using SocialEnterprise.Api.Events;
using SocialEnterprise.Api.Operations;
using SocialEnterprise.Api.Probes;

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

app.Run();

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
