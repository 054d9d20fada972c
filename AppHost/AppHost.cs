using SocialEnterprise.Shared;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres(Resources.Postgres).WithDataVolume();
var database = postgres.AddDatabase(Resources.Database);
var cache = builder.AddRedis(Resources.Cache);

// The key the workspace presents to the Api: generated once, kept in the AppHost's user secrets.
var workspaceApiKey = builder.AddParameter(
    WorkspaceApiKey.Parameter, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

var api = builder.AddProject<Projects.SocialEnterprise_Api>(Resources.Api, launchProfileName: null)
    .WithHttpEndpoint(port: DefaultPorts.Api)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
    .WithReference(database).WaitFor(database)
    .WithReference(cache).WaitFor(cache)
    .WithEnvironment(WorkspaceApiKey.ApiSetting, workspaceApiKey)
    .WithHttpHealthCheck("/health");

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
    .WithReference(cache).WaitFor(cache)
    .WithEnvironment(WorkspaceApiKey.WebSetting, workspaceApiKey)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
