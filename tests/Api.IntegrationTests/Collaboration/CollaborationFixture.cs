using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialEnterprise.Api.IntegrationTests.Listening;
using SocialEnterprise.TestSupport;

namespace SocialEnterprise.Api.IntegrationTests.Collaboration;

/// <summary>
/// The Api and the intake with the Api on a clock the tests move: consult clocks run from it. It ticks a millisecond
/// each time it is read, so that "newest first" has one answer.
/// </summary>
public sealed class CollaborationFixture(PostgresFixture postgres, RedisFixture redis) : ListeningFixture(postgres, redis)
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Time);
}
