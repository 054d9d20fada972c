using SocialEnterprise.Shared;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres(Resources.Postgres).WithDataVolume();
var database = postgres.AddDatabase(Resources.Database);
var cache = builder.AddRedis(Resources.Cache);

// The key the workspace signs its calls to the Api with: generated once, kept in the AppHost's user secrets.
var signingKey = builder.AddParameter(
    AccessSettings.SigningKeyParameter, new GenerateParameterDefault { MinLength = 48, Special = false }, secret: true, persist: true);
var isDevelopment = builder.Environment.EnvironmentName == "Development";
// The channels' webhook secret: the documented dev-secret in development, generated and kept elsewhere.
var ingestSecret = isDevelopment
    ? builder.AddParameter(IngestSettings.SecretParameter, IngestSettings.DevSecret, secret: true)
    : builder.AddParameter(IngestSettings.SecretParameter, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

var api = builder.AddProject<Projects.SocialEnterprise_Api>(Resources.Api, launchProfileName: null)
    .WithHttpEndpoint(port: DefaultPorts.Api)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
    .WithReference(database).WaitFor(database)
    .WithReference(cache).WaitFor(cache)
    .WithEnvironment(AccessSettings.SigningKey, signingKey)
    // The demo company and the documented dev-admin-key exist only in development.
    .WithEnvironment(AccessSettings.SeedDemoCompany, isDevelopment ? "true" : "false")
    .WithEnvironment(AccessSettings.SeedDevAdminKey, isDevelopment ? AccessSettings.DevAdminKey : "")
    .WithHttpHealthCheck("/health");
foreach (var channel in IngestSettings.Channels)
{
    api.WithEnvironment(IngestSettings.SecretOf(channel), ingestSecret);
}

builder.AddProject<Projects.SocialEnterprise_Workers>(Resources.Workers, launchProfileName: null)
    .WithHttpEndpoint(port: DefaultPorts.Workers)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
    .WithReference(database).WaitFor(database)
    .WithReference(cache).WaitFor(cache)
    // Wait for the api: it applies the migrations.
    .WaitFor(api)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.SocialEnterprise_Web>(Resources.Web, launchProfileName: null)
    .WithHttpEndpoint(port: DefaultPorts.Web)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
    .WithExternalHttpEndpoints()
    .WithReference(api).WaitFor(api)
    // Staff sign-in (ASP.NET Core Identity) reads the staff tables; the api has migrated them by then.
    .WithReference(database)
    .WithReference(cache).WaitFor(cache)
    .WithEnvironment(AccessSettings.SigningKey, signingKey)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
