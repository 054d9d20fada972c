using SocialEnterprise.Contracts.Access;

namespace SocialEnterprise.Contracts.Audit;

public static class AuditActorKinds
{
    public const string Staff = "staff";
    public const string ApiKey = "api-key";
    public const string Anonymous = "anonymous";
    public const string System = "system";

    public static string Of(CallerKind kind) => kind switch
    {
        CallerKind.Staff => Staff,
        CallerKind.ApiKey => ApiKey,
        CallerKind.Workspace => System,
        _ => Anonymous,
    };
}
