using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Web.Live;

namespace SocialEnterprise.Web.Tests;

public sealed class ReplyEventDescriptionsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_failed_reply_says_why_and_a_survey_says_it_is_one()
    {
        var failed = EventDescriptionsTests.Envelope(new ReplyStateChanged(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "support", ReplyKinds.Reply, ReplyStates.Failed, Guid.NewGuid(), "the x connector refused it: 400", At));
        var survey = EventDescriptionsTests.Envelope(new ReplyStateChanged(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "support", ReplyKinds.Survey, ReplyStates.AwaitingApproval, null, null, At));

        Assert.Equal(("Reply failed", "the x connector refused it: 400"), (EventDescriptions.Title(failed), EventDescriptions.Detail(failed)));
        Assert.Equal("Satisfaction survey awaiting approval", EventDescriptions.Title(survey));
    }

    [Fact]
    public void An_answered_survey_gives_its_score()
    {
        var answered = EventDescriptionsTests.Envelope(new CsatAnswered(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "support", null, 4, At));

        Assert.Equal(("Satisfaction survey answered", "4 of 5"), (EventDescriptions.Title(answered), EventDescriptions.Detail(answered)));
    }
}
