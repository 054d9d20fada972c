using Microsoft.AspNetCore.Authorization;

namespace SocialEnterprise.Web.Access;

/// <summary>The workspace's authorization policies beyond a single role, each the same rule the Api applies.</summary>
public static class WorkspacePolicies
{
    /// <summary>Works the untriaged intake: filtered events and merge suggestions (see <see cref="Contracts.Access.Caller.CanTriage"/>).</summary>
    public const string Triage = "triage";

    /// <summary>Adds the workspace's policies to the authorization options.</summary>
    public static AuthorizationBuilder AddWorkspacePolicies(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Triage, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => StaffMember.From(context.User)?.AsCaller().CanTriage == true));
}
