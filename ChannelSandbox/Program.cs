using SocialEnterprise.Channels;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddChannelSandbox();

var app = builder.Build();

app.MapDefaultEndpoints();
var sandbox = app.Services.GetRequiredService<ChannelSandbox>();
app.MapChannels(sandbox);
app.MapSandboxControl(sandbox);

app.Run();

/// <summary>The entry point; internal, so that test projects referencing this one see only the Api's or the Workers' Program.</summary>
internal partial class Program;
