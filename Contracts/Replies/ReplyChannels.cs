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

    /// <summary>
    /// Where a reply goes unless its author deliberately chooses otherwise: where the customer last wrote (a direct
    /// message is answered privately, a public post in public), within what the channel supports.
    /// </summary>
    public static string DefaultVisibilityOf(string channel, string? lastCustomerKind = null)
    {
        var supported = VisibilitiesOf(channel);
        var wanted = WrotePrivately(lastCustomerKind) ? ReplyVisibilities.Private : ReplyVisibilities.Public;
        return supported.Contains(wanted) ? wanted : supported[0];
    }

    /// <summary>Whether a message of this kind was written privately to the company (a direct message, an e-mail, a chat).</summary>
    public static bool WrotePrivately(string? kind) => kind is not null && MessageKinds.Private.Contains(kind);
}
