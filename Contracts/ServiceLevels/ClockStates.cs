using SocialEnterprise.Contracts.Conversations;

namespace SocialEnterprise.Contracts.ServiceLevels;

/// <summary>A clock's state beside <see cref="ServiceLevelStates"/>.</summary>
public static class ClockStates
{
    public const string Paused = "paused";
}
