using System.Globalization;

namespace SocialEnterprise.Web.Components.Inbox;

/// <summary>How the inbox writes its counts (times: <see cref="Shared.ReaderTime"/>).</summary>
public static class InboxText
{
    /// <summary>A count as the Api reports it: past the cap it reads "1,000+".</summary>
    public static string Count(int count, bool capped) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + (capped ? "+" : "");

    public static string Conversations(int count, bool capped) =>
        $"{Count(count, capped)} {(count == 1 && !capped ? "conversation" : "conversations")}";
}
