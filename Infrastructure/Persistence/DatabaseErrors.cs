using Npgsql;

namespace SocialEnterprise.Infrastructure.Persistence;

/// <summary>What a failed write says about itself, read from PostgreSQL's own error code behind EF Core's wrapping.</summary>
public static class DatabaseErrors
{
    /// <summary>Another writer took the unique key first.</summary>
    public static bool IsUniqueViolation(Exception exception) =>
        exception.GetBaseException() is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public static bool IsDeadlock(Exception exception) =>
        exception.GetBaseException() is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected };
}
