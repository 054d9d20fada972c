using SocialEnterprise.Workers;

var builder = WebApplication.CreateBuilder(args);

builder.AddBasicServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();

/// <summary>The entry point, visible to the integration tests.</summary>
public partial class Program;
