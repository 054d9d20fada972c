using Microsoft.Extensions.Configuration;

namespace SocialEnterprise.Infrastructure.Persistence;

internal static class RequiredConnectionString
{
    /// <summary>The connection string an AppHost or the local runner injects, or a start-up failure that says how to set it.</summary>
    public static string Of(IConfiguration configuration, string name, string example) =>
        configuration.GetConnectionString(name) is { } connectionString && !string.IsNullOrWhiteSpace(connectionString)
            ? connectionString
            : throw new InvalidOperationException(
                $"ConnectionStrings:{name} is not set. Start the stack with ./run.sh (or the Aspire AppHost), " +
                $"or set ConnectionStrings__{name} to {example}.");
}
