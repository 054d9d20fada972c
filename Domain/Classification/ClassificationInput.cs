namespace SocialEnterprise.Domain.Classification;

/// <summary>
/// A customer's message as a channel delivered it. <paramref name="Channel"/> and <paramref name="Kind"/> are the keys of
/// <c>IngestChannels</c> and <c>MessageKinds</c>; a review's star <paramref name="Rating"/> (1-5) informs its sentiment and
/// the author's <paramref name="Followers"/> how far a public complaint reaches.
/// </summary>
public sealed record ClassificationInput(string Text, string Channel, string Kind, int? Rating = null, int? Followers = null);
