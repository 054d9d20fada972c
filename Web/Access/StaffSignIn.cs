using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SocialEnterprise.Contracts.Audit;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Audit;
using SocialEnterprise.Infrastructure.Assignment;
using SocialEnterprise.Infrastructure.Persistence;
using SocialEnterprise.Infrastructure.Staff;

namespace SocialEnterprise.Web.Access;

public enum SignInOutcome
{
    SignedIn,
    Refused,
    LockedOut,
}

/// <summary>Signs staff in and out, with lockout after repeated failures, and records every attempt in the audit log.</summary>
public sealed class StaffSignIn(SignInManager<StaffUser> signIn, CrmDbContext db, AssignmentService assignment, TimeProvider time)
{
    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember, string? address)
    {
        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        var outcome = user is null
            ? SignInOutcome.Refused
            : await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true) switch
            {
                { Succeeded: true } => SignInOutcome.SignedIn,
                { IsLockedOut: true } => SignInOutcome.LockedOut,
                _ => SignInOutcome.Refused,
            };

        // Failed attempts name what was typed: that is what an admin looking for an attack needs to see.
        var (actor, kind) = user is null ? (email.Trim(), AuditActorKinds.Anonymous) : (user.UserName!, AuditActorKinds.Staff);
        var action = outcome switch
        {
            SignInOutcome.SignedIn => AuditActions.SignedIn,
            SignInOutcome.LockedOut => AuditActions.LockedOut,
            _ => AuditActions.SignInFailed,
        };
        db.AuditLog.Add(AuditEntry.Record(time.GetUtcNow(), actor, kind, action, address: address));
        await db.SaveChangesAsync();
        if (outcome == SignInOutcome.SignedIn && user is not null)
        {
            // Signing in is coming to work: new conversations may come their way, queued ones first.
            await SetAvailabilityAsync(user.Id, StaffAvailability.Available);
            await assignment.DrainAsync(
                await db.DepartmentMemberships.Where(m => m.StaffUserId == user.Id).Select(m => m.DepartmentId).ToListAsync(), CancellationToken.None);
        }

        return outcome;
    }

    public async Task SignOutAsync(string? userName, string? address)
    {
        await signIn.SignOutAsync();
        if (userName is not null)
        {
            if (await signIn.UserManager.FindByNameAsync(userName) is { } user)
            {
                await SetAvailabilityAsync(user.Id, StaffAvailability.Offline);
            }

            db.AuditLog.Add(AuditEntry.Record(time.GetUtcNow(), userName, AuditActorKinds.Staff, AuditActions.SignedOut, address: address));
            await db.SaveChangesAsync();
        }
    }

    private Task SetAvailabilityAsync(Guid staffId, string availability) =>
        db.Users.Where(u => u.Id == staffId).ExecuteUpdateAsync(set => set.SetProperty(u => u.Availability, availability));
}
