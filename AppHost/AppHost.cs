using Microsoft.Extensions.Hosting;
using SocialEnterprise.AppHost;
using SocialEnterprise.AppHost.Stores;
using SocialEnterprise.AppHost.Operations;
using SocialEnterprise.LocalServers;
using SocialEnterprise.Shared;

var builder = DistributedApplication.CreateBuilder(args);
var isDevelopment = builder.Environment.IsDevelopment();
var settings = AppHostSettings.From(builder.Configuration, RepositoryRoot.Find(builder.AppHostDirectory), isDevelopment);
// Unset: the machine's own PostgreSQL and Redis unless a container runtime answers.
settings = settings with { LocalServers = settings.LocalServers ?? !ContainerRuntime.Answers(builder.Configuration) };

var (database, cache) = builder.AddStores(settings);

// The key the workspace signs its calls to the Api with: generated once, kept in the AppHost's user secrets.
var signingKey = builder.AddParameter(
    AccessSettings.SigningKeyParameter, new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);
// The documented values in development (README), generated and kept elsewhere.
var ingestSecret = builder.AddSecret(IngestSettings.SecretParameter, IngestSettings.DevSecret, isDevelopment);
var outboundSecret = builder.AddSecret(OutboundSettings.SecretParameter, OutboundSettings.DevSecret, isDevelopment);
var adminKey = builder.AddSecret(AccessSettings.AdminKeyParameter, AccessSettings.DevAdminKey, isDevelopment);

var api = builder.AddProject<Projects.SocialEnterprise_Api>(Resources.Api, launchProfileName: null)
    .AsService(builder.Environment, settings.ApiPort)
    .WithReference(database).WaitFor(database)
    .WithReference(cache).WaitFor(cache)
    .WithEnvironment(AccessSettings.SigningKey, signingKey)
    // The demo company exists only in development; the admin key is what the dashboard's commands call with.
    .WithEnvironment(AccessSettings.SeedDemoCompany, isDevelopment ? "true" : "false")
    .WithEnvironment(AccessSettings.SeedAdminKey, adminKey)
    .WithChannelSecrets(ingestSecret, outboundSecret)
    .WithUrlForEndpoint("http", url => url.DisplayText = "Api");
api.WithUrl($"{api.GetEndpoint("http")}/openapi/v1.json", "OpenAPI");

var workers = builder.AddProject<Projects.SocialEnterprise_Workers>(Resources.Workers, launchProfileName: null)
    .AsService(builder.Environment, settings.WorkersPort, settings.WorkersReplicas)
    .WithReplicas(settings.WorkersReplicas)
    // Each replica's carrying loops take their share of the intake's partitions.
    .WithEnvironment("Intake__Replicas", settings.WorkersReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture))
    .WithReference(database).WaitFor(database)
    .WithReference(cache).WaitFor(cache)
    // The Api applies the migrations: the Workers start on a migrated database.
    .WaitFor(api)
    .WithChannelSecrets(ingestSecret: null, outboundSecret);

var web = builder.AddProject<Projects.SocialEnterprise_Web>(Resources.Web, launchProfileName: null)
    .AsService(builder.Environment, settings.WebPort)
    .WithExternalHttpEndpoints()
    .WithReference(api).WaitFor(api)
    // Staff sign-in (ASP.NET Core Identity) reads the staff tables; the Api has migrated them by then. Everything else
    // the workspace reads and changes goes through the Api.
    .WithReference(database)
    .WithEnvironment(AccessSettings.SigningKey, signingKey)
    .WithUrlForEndpoint("http", url => url.DisplayText = "Workspace");

if (settings.ChannelSandbox)
{
    // Replies leave through the channels' connectors: in development one sandbox plays all seven and reports each
    // reply delivered back to the Api, signed, as a real channel would.
    var channels = builder.AddProject<Projects.SocialEnterprise_ChannelSandbox>(Resources.Channels, launchProfileName: null)
        .AsService(builder.Environment, port: null)
        .WithReference(api)
        .WithChannelSecrets(ingestSecret: null, outboundSecret)
        .WithSandboxCommands();
    workers.WithOutboundConnectors(channels);
}

var simulator = builder.AddProject<Projects.SocialEnterprise_Simulator>(Resources.Simulator, launchProfileName: null)
    .AsTool(builder.Environment)
    .WithReference(api).WaitFor(api)
    .WithChannelSecrets(ingestSecret, outboundSecret: null);
if (settings.Simulate is { } rate)
{
    simulator.WithArgs("--rate", rate.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
else
{
    // Traffic only when asked for: the Start button in the dashboard (or ./run.sh --simulate N), at the simulator's default rate.
    simulator.WithExplicitStart();
}

api.WithOperatorCommands(workers, adminKey);
builder.AddReadyBanner(settings, api, workers, web);

builder.Build().AnnounceStopping().Run();
