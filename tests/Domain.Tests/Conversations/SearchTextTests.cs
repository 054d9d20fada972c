using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Domain.Conversations;

namespace SocialEnterprise.Domain.Tests.Conversations;

public sealed class SearchTextTests
{
    [Fact]
    public void Each_message_is_added_on_its_own_line()
    {
        var text = Conversation.SearchTextWith(Conversation.SearchTextWith("", "where is my parcel"), "still waiting");

        Assert.Equal("where is my parcel\nstill waiting", text);
    }

    [Fact]
    public void Past_the_limit_the_oldest_words_give_way_whole()
    {
        var old = string.Join(' ', Enumerable.Repeat("older", Conversation.SearchTextLength / 6));

        var text = Conversation.SearchTextWith(old, "newest words");

        Assert.True(text.Length <= Conversation.SearchTextLength);
        Assert.EndsWith("\nnewest words", text, StringComparison.Ordinal);
        Assert.StartsWith("older ", text, StringComparison.Ordinal);
    }
}
