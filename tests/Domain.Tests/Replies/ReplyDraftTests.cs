using System.ComponentModel.DataAnnotations;
using SocialEnterprise.Contracts.Access;
using SocialEnterprise.Contracts.Classification;
using SocialEnterprise.Contracts.Conversations;
using SocialEnterprise.Contracts.Replies;
using SocialEnterprise.Contracts.Staff;
using SocialEnterprise.Domain.Access;
using SocialEnterprise.Domain.Classification;
using SocialEnterprise.Domain.Conversations;
using SocialEnterprise.Domain.Replies;
using SocialEnterprise.Domain.Staff;

namespace SocialEnterprise.Domain.Tests.Replies;

public sealed class CannedResponseTemplateTests
{
    private static readonly TemplateValues Values = new("Robin Customer", "Alex Agent", "x", "Support");

    [Fact]
    public void Every_variable_is_filled_in_spaces_inside_the_braces_allowed()
    {
        var text = "Hi {{customer.firstName}} ({{ customer.name }}), {{agent.firstName}} of {{department}} on {{conversation.channel}} — {{agent.name}}";

        Assert.Empty(CannedResponseTemplate.Problems(text));
        Assert.Equal("Hi Robin (Robin Customer), Alex of Support on x — Alex Agent", CannedResponseTemplate.Render(text, Values));
    }

    [Fact]
    public void An_unknown_variable_is_named_in_the_problem()
    {
        var problem = Assert.Single(CannedResponseTemplate.Problems("Dear {{customer.nickname}}, thanks"));

        Assert.StartsWith("Unknown variable {{customer.nickname}}", problem, StringComparison.Ordinal);
        Assert.Contains("{{customer.firstName}}", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hi {{customer.firstName")]
    [InlineData("Hi customer.firstName}}")]
    public void An_unclosed_variable_is_a_problem(string text) =>
        Assert.Contains(CannedResponseTemplate.Problems(text), problem => problem.Contains("not closed", StringComparison.Ordinal));

    [Theory]
    [InlineData("Robin Customer", "Robin")]
    [InlineData("@robin_c", "robin_c")]
    [InlineData("  Madonna ", "Madonna")]
    public void A_first_name_is_the_first_word_of_the_name(string name, string first) =>
        Assert.Equal(first, CannedResponseTemplate.FirstNameOf(name));
}

public sealed class ReplyApprovalTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static readonly ReplyApproval Policy = new() { Channels = ["reviews", "linkedin"], Topics = ["privacy"] };

    [Theory]
    [InlineData("reviews", null, ReplyVisibilities.Public, "Public replies on reviews need approval.")]
    [InlineData("linkedin", null, ReplyVisibilities.Private, null)]
    [InlineData("x", null, ReplyVisibilities.Public, null)]
    [InlineData("x", "privacy", ReplyVisibilities.Private, "Replies about privacy need approval.")]
    [InlineData("reviews", "privacy", ReplyVisibilities.Public, "Replies about privacy need approval.")]
    public void Public_replies_on_chosen_channels_and_every_reply_on_chosen_topics_need_approval(
        string channel, string? topic, string visibility, string? reason) =>
        Assert.Equal(reason, Policy.ReasonFor(Conversation(channel, topic), visibility));

    [Fact]
    public void Admins_approve_anywhere_managers_in_their_departments_and_nobody_their_own_reply()
    {
        var author = Guid.NewGuid();
        var reply = Reply.Write(Conversation("reviews", null), ReplyKinds.Reply, "public", "Sorry!", null, author, "Alex Agent", 1, "policy", Start);

        Assert.True(Policy.MayApprove(Staff(StaffRoles.Manager, "support"), reply));
        Assert.False(Policy.MayApprove(Staff(StaffRoles.Manager, "sales"), reply));
        Assert.False(Policy.MayApprove(Staff(StaffRoles.Agent, "support"), reply));
        Assert.True(Policy.MayApprove(Staff(StaffRoles.Admin), reply));
        Assert.False(Policy.MayApprove(Staff(StaffRoles.Manager, "support") with { StaffId = author }, reply));
        Assert.True(new ReplyApproval { ApproverRoles = ["agent"] }.MayApprove(Staff(StaffRoles.Agent, "support"), reply));
    }

    [Fact]
    public void Unknown_channels_and_roles_are_refused_on_start()
    {
        var invalid = new ReplyApproval { Channels = ["myspace"], ApproverRoles = ["boss"] };

        var results = invalid.Validate(new ValidationContext(invalid)).ToList();

        Assert.Contains(results, r => r.MemberNames.Contains(nameof(ReplyApproval.Channels)) && r.ErrorMessage!.Contains("myspace", StringComparison.Ordinal));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(ReplyApproval.ApproverRoles)) && r.ErrorMessage!.Contains("boss", StringComparison.Ordinal));
        Assert.Equal(ReplyApproval.DefaultApproverRoles, new ReplyApproval().Approvers);
    }

    [Theory]
    [InlineData("reviews", new[] { "public" })]
    [InlineData("email", new[] { "private" })]
    [InlineData("x", new[] { "public", "private" })]
    public void Each_channel_offers_the_visibilities_it_has(string channel, string[] visibilities) =>
        Assert.Equal(visibilities, ReplyChannels.VisibilitiesOf(channel));

    internal static Conversation Conversation(string channel, string? topic)
    {
        var first = Message.Inbound(Guid.NewGuid(), channel, Guid.NewGuid().ToString("N"), "mention", Guid.NewGuid(), "Robin", "Hello", null, null, Start, Start, "{}");
        var classification = new MessageClassification(MessageTypes.Complaint, -0.4, SentimentLabels.Negative, topic, "en", Urgencies.Normal, []);
        var conversation = global::SocialEnterprise.Domain.Conversations.Conversation.Open(
            first, Guid.NewGuid(), Guid.NewGuid(), classification, new global::SocialEnterprise.Domain.Conversations.Routing("support", Priorities.Normal, "test"), null, Start);
        conversation.Receive(first, classification, Priorities.Normal, Start);
        return conversation;
    }

    private static Caller Staff(string role, params string[] departments) =>
        new(CallerKind.Staff, $"{role}@example.test", new HashSet<string> { role }, departments.ToHashSet(), new HashSet<string>())
        {
            StaffId = Guid.NewGuid(),
            DisplayName = role,
        };
}

public sealed class ReplyDraftTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_save_must_name_the_current_version_and_each_save_records_who_saved()
    {
        var draft = ReplyDraft.For(ReplyApprovalTests.Conversation("x", null), Start);
        var alex = Guid.NewGuid();

        Assert.True(draft.Save(0, "Hi", "public", alex, "Alex Agent", Start));
        Assert.False(draft.Save(0, "Hello", "public", Guid.NewGuid(), "Jordan Agent", Start));

        Assert.Equal(("Hi", 1, "Alex Agent"), (draft.Text, draft.Version, draft.UpdatedByName));
        var saved = Assert.IsType<ReplyDraftSaved>(Assert.Single(draft.PendingEvents));
        Assert.Equal((1, alex, false), (saved.DraftVersion, saved.SavedById, saved.Empty));
    }

    [Fact]
    public void A_rejected_reply_comes_back_after_what_a_colleague_started_never_instead_of_it()
    {
        var draft = ReplyDraft.For(ReplyApprovalTests.Conversation("x", null), Start);
        draft.Save(0, "Started meanwhile", "public", Guid.NewGuid(), "Jordan Agent", Start);

        draft.Return("The rejected reply", "private", "Rejected by Ada Admin: too blunt", Guid.NewGuid(), "Ada Admin", Start);

        Assert.Equal("Started meanwhile\n\nThe rejected reply", draft.Text);
        Assert.Equal(("private", "Rejected by Ada Admin: too blunt", 2), (draft.Visibility, draft.ReturnedBecause, draft.Version));
        draft.Clear(null, "system", Start);
        Assert.Equal(("", (string?)null, 3), (draft.Text, draft.ReturnedBecause, draft.Version));
    }
}
