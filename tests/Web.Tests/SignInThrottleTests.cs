using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialEnterprise.Web.Access;

namespace SocialEnterprise.Web.Tests;

/// <summary>Failed sign-ins counted per account and per address, each refused only for the rest of its minute.</summary>
public sealed class SignInThrottleTests
{
    private const string Office = "203.0.113.7";
    private const string Alex = "AGENT@DEMO.SOCIALENTERPRISE.LOCAL";
    private const string Lena = "LEGAL@DEMO.SOCIALENTERPRISE.LOCAL";

    private readonly FakeTimeProvider _time = new();
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(
        Options.Create(new SignInLimitOptions { AttemptsPerMinute = 10, AccountAttemptsPerMinute = 3 }), _time);

    [Fact]
    public void An_account_is_refused_after_its_failures_for_the_rest_of_the_minute_while_a_colleague_at_the_same_address_is_not()
    {
        for (var failure = 1; failure <= 3; failure++)
        {
            Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(Alex, Office));
            _throttle.RecordFailure(Alex, Office);
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        // The window began with the first failure, 30 seconds ago.
        Assert.Equal(TimeSpan.FromSeconds(30), _throttle.RetryAfter(Alex, Office));
        Assert.Equal(TimeSpan.FromSeconds(30), _throttle.RetryAfter(Alex, "198.51.100.1"));
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(Lena, Office));

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(Alex, Office));
    }

    [Fact]
    public void Failures_spread_over_many_accounts_use_up_the_address_and_only_the_address()
    {
        for (var account = 1; account <= 10; account++)
        {
            Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter($"GUESS{account}@EXAMPLE.COM", Office));
            _throttle.RecordFailure($"GUESS{account}@EXAMPLE.COM", Office);
        }

        Assert.Equal(SignInThrottle.Window, _throttle.RetryAfter(Lena, Office));
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(Lena, "198.51.100.1"));

        _time.Advance(SignInThrottle.Window);
        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(Lena, Office));
    }

    [Fact]
    public void A_new_window_starts_with_the_first_failure_after_the_last_one_ended()
    {
        _throttle.RecordFailure(Alex, Office);
        _throttle.RecordFailure(Alex, Office);
        _time.Advance(TimeSpan.FromMinutes(2));

        _throttle.RecordFailure(Alex, Office);
        _throttle.RecordFailure(Alex, Office);

        Assert.Equal(TimeSpan.Zero, _throttle.RetryAfter(Alex, Office));
    }

    [Theory]
    [InlineData(0.2, 1)]
    [InlineData(1, 1)]
    [InlineData(59.1, 60)]
    public void The_wait_is_said_in_whole_seconds_rounded_up(double seconds, int said) =>
        Assert.Equal(said, Components.Account.Login.RetryAfterSeconds(TimeSpan.FromSeconds(seconds)));
}
