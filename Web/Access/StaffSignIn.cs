using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Assignment;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Web.Operations;

namespace SocialEnterprise.Web.Access;

public enum SignInOutcome
{
    SignedIn,
    Refused,
    LockedOut,

    /// <summary>Too many failed sign-ins for the account or from the address: refused unchecked until the wait is over.</summary>
    Throttled,
}

/// <param name="RetryAfter">With <see cref="SignInOutcome.Throttled"/>: how long until an attempt is checked again.</param>
public sealed record SignInAnswer(SignInOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>
/// Signs staff in and out, with lockout after repeated failures and a short refusal after too many failed sign-ins for an
/// account or from an address (<see cref="SignInThrottle"/>), and records every checked attempt in the audit log. Signing in
/// is coming to work and signing out leaving it: the Api, which owns staff records, is told of the availability.
/// </summary>
public sealed partial class StaffSignIn(
    SignInManager<StaffAccount> signIn, WorkspaceIdentityDbContext db, IHttpClientFactory clients, StaffTokens tokens, TimeProvider time,
    SignInThrottle throttle, ILogger<StaffSignIn> logger)
{
    public async Task<SignInAnswer> SignInAsync(string typedEmail, string password, bool remember, string? address)
    {
        var email = typedEmail.Trim();
        var account = signIn.UserManager.NormalizeEmail(email) ?? "";
        var origin = address ?? "unknown";
        var wait = throttle.RetryAfter(account, origin);
        if (wait > TimeSpan.Zero)
        {
            // Not audited: a flood of refused attempts would otherwise fill the audit log, which records the checked ones.
            LogThrottled(logger, email, origin, wait);
            return new SignInAnswer(SignInOutcome.Throttled, wait);
        }

        var user = await signIn.UserManager.FindByEmailAsync(email);
        var outcome = user is null
            ? SignInOutcome.Refused
            : await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true) switch
            {
                { Succeeded: true } => SignInOutcome.SignedIn,
                { IsLockedOut: true } => SignInOutcome.LockedOut,
                _ => SignInOutcome.Refused,
            };
        if (outcome != SignInOutcome.SignedIn)
        {
            throttle.RecordFailure(account, origin);
        }

        // Failed attempts name what was typed: that is what an admin looking for an attack needs to see.
        var (actor, kind) = user is null ? (email, AuditActorKinds.Anonymous) : (user.UserName!, AuditActorKinds.Staff);
        var action = outcome switch
        {
            SignInOutcome.SignedIn => AuditActions.SignedIn,
            SignInOutcome.LockedOut => AuditActions.LockedOut,
            _ => AuditActions.SignInFailed,
        };
        db.AuditLog.Add(SignInAuditRecord.Of(time.GetUtcNow(), actor, kind, action, address));
        await db.SaveChangesAsync();
        if (outcome == SignInOutcome.SignedIn && user is not null
            && StaffMember.From(await signIn.CreateUserPrincipalAsync(user)) is { } staff)
        {
            // New conversations may now come their way, queued ones first (the Api drains their departments' queues).
            await SetAvailabilityAsync(staff, StaffAvailability.Available);
        }

        return new SignInAnswer(outcome);
    }

    public async Task SignOutAsync(ClaimsPrincipal user, string? address)
    {
        var staff = StaffMember.From(user);
        if (staff is not null)
        {
            await SetAvailabilityAsync(staff, StaffAvailability.Offline);
        }

        await signIn.SignOutAsync();
        if (staff is not null)
        {
            db.AuditLog.Add(SignInAuditRecord.Of(time.GetUtcNow(), staff.Name, AuditActorKinds.Staff, AuditActions.SignedOut, address));
            await db.SaveChangesAsync();
        }
    }

    // Signing in or out never fails for want of the Api: availability is then left as it was, and said in the log.
    private async Task SetAvailabilityAsync(StaffMember staff, string availability)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"api/staff/{staff.Id}/availability")
            {
                Content = JsonContent.Create(new AvailabilityRequest(availability)),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", staff.TokenFrom(tokens));
            using var response = await clients.CreateClient(ApiTransport.HttpClientName).SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                LogAvailabilityNotSet(logger, staff.Name, availability, $"the Api answered {(int)response.StatusCode}");
            }
        }
        catch (HttpRequestException exception)
        {
            LogAvailabilityNotSet(logger, staff.Name, availability, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in as {Email} from {Address} refused for {Wait}: too many failed sign-ins")]
    private static partial void LogThrottled(ILogger logger, string email, string address, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set {Staff}'s availability to {Availability}: {Reason}")]
    private static partial void LogAvailabilityNotSet(ILogger logger, string staff, string availability, string reason);
}
