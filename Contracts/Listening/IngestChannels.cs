using System.Collections.Frozen;
using SocialEnterprise.Shared;

namespace SocialEnterprise.Contracts.Listening;

/// <summary>The channels customers reach the company on; each posts its events to <c>POST /api/ingest/{channel}</c>.</summary>
public static class IngestChannels
{
    public const string X = IngestSettings.X;
    public const string Facebook = IngestSettings.Facebook;
    public const string LinkedIn = IngestSettings.LinkedIn;
    public const string Reviews = IngestSettings.Reviews;
    public const string Community = IngestSettings.Community;
    public const string Email = IngestSettings.Email;
    public const string Chat = IngestSettings.Chat;

    public static readonly FrozenSet<string> All = IngestSettings.Channels.ToFrozenSet(StringComparer.Ordinal);
}

/// <summary>What kind of thing the customer wrote, as the channel names it.</summary>
public static class MessageKinds
{
    public const string Mention = "mention";
    public const string Comment = "comment";
    public const string Post = "post";
    public const string DirectMessage = "dm";
    public const string Review = "review";
    public const string Email = "email";
    public const string Chat = "chat";

    public static readonly FrozenSet<string> All =
        new[] { Mention, Comment, Post, DirectMessage, Review, Email, Chat }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Kinds written privately to the company: the customer expects an answer and consents to being contacted.</summary>
    public static readonly FrozenSet<string> Private = new[] { DirectMessage, Email, Chat }.ToFrozenSet(StringComparer.Ordinal);
}
