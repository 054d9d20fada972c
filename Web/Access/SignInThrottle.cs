using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SocialEnterprise.Contracts.Staff;

namespace SocialEnterprise.Web.Access;

/// <summary>How many failed sign-ins the workspace accepts before it refuses more for the rest of a minute.</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "SignIn";

    /// <summary>
    /// Failed sign-ins per client address per minute, over every account. Generous: a whole office may sit behind one
    /// address. (The key is older than the counting of failures only, hence its name.)
    /// </summary>
    [Range(1, 100_000)]
    public int AttemptsPerMinute { get; set; } = 20;

    /// <summary>Failed sign-ins per account (the e-mail typed, normalised as Identity does) per minute, from any address.</summary>
    [Range(1, 1_000)]
    public int AccountAttemptsPerMinute { get; set; } = StaffLimits.MaxFailedSignIns;
}

/// <summary>
/// Counts failed sign-ins per account and per client address, each in a window of a minute from its first failure, and
/// says how long further attempts are refused once either is used up. Successful sign-ins are never counted, so colleagues
/// signing in behind one office address at shift start cannot use up each other's allowance; and a refusal always ends
/// with its window, so a stranger typing a colleague's e-mail holds them off for a minute at most per burst (Identity's
/// own lockout, unchanged, is the longer guard).
/// </summary>
public sealed class SignInThrottle(IOptions<SignInLimitOptions> options, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, FailureWindow> _failures = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <summary>How long attempts for <paramref name="account"/> or from <paramref name="address"/> are refused; zero when they are not.</summary>
    public TimeSpan RetryAfter(string account, string address)
    {
        var now = time.GetUtcNow();
        var forAccount = Remaining(AccountKey(account), options.Value.AccountAttemptsPerMinute, now);
        var forAddress = Remaining(AddressKey(address), options.Value.AttemptsPerMinute, now);
        return forAccount > forAddress ? forAccount : forAddress;
    }

    /// <summary>
    /// Counts one failed sign-in against both. Two attempts checked at the same moment may both pass the last permit; a
    /// guesser gains one or two tries a minute from that, which Identity's lockout still counts.
    /// </summary>
    public void RecordFailure(string account, string address)
    {
        var now = time.GetUtcNow();
        Count(AccountKey(account), now);
        Count(AddressKey(address), now);
        SweepExpired(now);
    }

    private TimeSpan Remaining(string key, int limit, DateTimeOffset now) =>
        _failures.TryGetValue(key, out var window) && window.Failures >= limit && now < window.Ends
            ? window.Ends - now
            : TimeSpan.Zero;

    private void Count(string key, DateTimeOffset now) =>
        _failures.AddOrUpdate(key,
            static (_, now) => new FailureWindow(now + Window, 1),
            static (_, window, now) => now < window.Ends ? window with { Failures = window.Failures + 1 } : new FailureWindow(now + Window, 1),
            now);

    // Without this, every e-mail ever typed and every address ever seen would stay in memory; once a minute is enough.
    private void SweepExpired(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + Window.Ticks, due) != due)
        {
            return;
        }

        foreach (var (key, window) in _failures)
        {
            if (window.Ends <= now)
            {
                _failures.TryRemove(KeyValuePair.Create(key, window));
            }
        }
    }

    private static string AccountKey(string account) => "account:" + account;

    private static string AddressKey(string address) => "address:" + address;

    private readonly record struct FailureWindow(DateTimeOffset Ends, int Failures);
}
