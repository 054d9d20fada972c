using SocialEnterprise.Contracts.Listening;

namespace SocialEnterprise.Contracts.Replies;

/// <summary>Which reply visibilities each channel supports: review sites have no direct messages, email and chat nothing public.</summary>
public static class ReplyChannels
{
    private static readonly IReadOnlyList<string> Both = [ReplyVisibilities.Public, ReplyVisibilities.Private];

    public static IReadOnlyList<string> VisibilitiesOf(string channel) => channel switch
    {
        IngestChannels.Reviews => [ReplyVisibilities.Public],
        IngestChannels.Email or IngestChannels.Chat => [ReplyVisibilities.Private],
        _ => Both,
    };

    /// <summary>What the composer offers first: public where the customer wrote in public, else private.</summary>
    public static string DefaultVisibilityOf(string channel) => VisibilitiesOf(channel)[0];
}
