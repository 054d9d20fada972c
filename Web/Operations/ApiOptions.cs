using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SocialEnterprise.Shared;

namespace SocialEnterprise.Web.Operations;

/// <summary>How the workspace reaches the Api: the key it presents (<c>Api:Key</c>); the address comes from service discovery.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    [Required(ErrorMessage = "Api:Key is not set: the workspace needs the key the Api accepts (./run.sh sets it).")]
    public string Key { get; set; } = "";
}

/// <summary>Presents the workspace's Api key on every call to the Api.</summary>
internal sealed class ApiKeyHandler(IOptions<ApiOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new("Bearer", options.Value.Key);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Where the Api is, read from the configuration service discovery also reads (<c>services:api:http:0</c>).</summary>
internal static class ApiAddress
{
    public static Uri From(IConfiguration configuration)
    {
        var address = configuration[$"services:{Resources.Api}:https:0"] ?? configuration[$"services:{Resources.Api}:http:0"];
        return Uri.TryCreate(address, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"services:{Resources.Api}:http:0 is not set: the workspace cannot find the Api (./run.sh and the AppHost set it).");
    }
}
