using SocialEnterprise.Shared;

namespace SocialEnterprise.Web.Operations;

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
