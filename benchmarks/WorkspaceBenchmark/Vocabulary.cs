using SocialEnterprise.Domain.Classification;

namespace SocialEnterprise.WorkspaceBenchmark;

/// <summary>
/// The words generated messages are made of: a sentence about the conversation's topic, then filler drawn from a
/// general vocabulary with a skew (early words common, late ones uncommon), and now and then one of a few rare words,
/// so that full-text search meets common, uncommon and rare words as it would in real traffic.
/// </summary>
public static class Vocabulary
{
    /// <summary>A word in many messages (the billing and refund sentences and the general vocabulary).</summary>
    public const string CommonWord = "refund";

    /// <summary>A word in a few hundred messages (one of <see cref="Rare"/>).</summary>
    public const string RareWord = "chargeback";

    /// <summary>How often a message ends with one of the rare words.</summary>
    public const double RareShare = 0.002;

    public static readonly IReadOnlyDictionary<string, string[]> ByTopic = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["billing"] =
        [
            "I was charged twice for my subscription this month and need a refund",
            "My invoice shows the wrong amount and the payment failed again",
            "Why did my card get billed after I cancelled the plan",
            "Please send the receipt for the last payment, the billing page is empty",
            "The refund you promised still has not arrived on my credit card",
        ],
        ["delivery"] =
        [
            "My order has not arrived and the tracking number shows nothing",
            "The parcel was delivered to the wrong address by the courier",
            "Delivery is three weeks late, where is my package",
            "The shipment arrived damaged and the box was open",
            "I want to return the order and get a refund for the delivery fee",
        ],
        ["account-access"] =
        [
            "I cannot log in, the password reset email never comes",
            "My account is locked after too many login attempts",
            "Two factor authentication code is not accepted when I sign in",
            "Someone changed my password and I lost access to my account",
            "The login page keeps saying my username is unknown",
        ],
        ["privacy"] =
        [
            "Please delete all personal data you hold about me under GDPR",
            "Why do you share my email address with third parties",
            "I want a copy of my data and to withdraw my consent",
            "Your privacy policy does not say how long you keep my data",
        ],
        ["bug"] =
        [
            "The export button throws an error and nothing is saved",
            "After the update the dashboard shows a blank screen",
            "There is a bug in the search, results are missing",
            "The sync fails with error code 500 every morning",
        ],
        ["performance"] =
        [
            "The website is very slow today, pages take a minute to load",
            "Everything times out in the evening, the service is lagging",
            "Uploads are extremely slow since the last release",
        ],
        ["installation"] =
        [
            "The installer stops halfway and the setup wizard freezes",
            "How do I connect the device to my wifi network",
            "Setting up the integration fails at the configuration step",
        ],
        ["product-quality"] =
        [
            "The material feels cheap and broke after two weeks",
            "The design is beautiful but the battery drains quickly",
            "Quality has gone down compared to the previous model",
        ],
        ["feature-request"] =
        [
            "It would be great to have a dark mode and keyboard shortcuts",
            "Please add an option to export reports as spreadsheet",
            "Could you support calendar integration in a future version",
        ],
        ["pricing"] =
        [
            "What does the business plan cost for fifty users",
            "Can I get a quote and a discount for a yearly subscription",
            "The new prices are too high compared to competitors",
        ],
        ["customer-service"] =
        [
            "Nobody answered my ticket for a week, terrible customer service",
            "Thanks to the agent who helped me yesterday, great support",
            "I waited an hour on the phone and the chat closed on me",
        ],
        ["partnership"] =
        [
            "We would like to propose a partnership for a joint campaign",
            "Are you open to sponsoring our community event",
            "Our agency wants to collaborate with your marketing team",
        ],
        ["mobile-app"] =
        [
            "The app crashes every time I open it on my phone",
            "After the update the mobile app freezes on the start screen",
            "Notifications in the app stopped working on Android",
            "The iOS app crashes when I upload a photo",
        ],
    };

    /// <summary>For conversations without a topic.</summary>
    public static readonly string[] General =
    [
        "Hello, I have a question about your service",
        "Just wanted to say hi and share my thoughts",
        "Can someone from your team get back to me",
        "Following up on my previous message",
    ];

    /// <summary>What staff write back.</summary>
    public static readonly string[] Replies =
    [
        "Thanks for reaching out, we are looking into this for you",
        "Sorry for the trouble, could you send us your order number",
        "We have escalated this to the right team and will update you soon",
        "Glad to hear it is working again, have a great day",
        "We issued the refund, it should arrive within five business days",
    ];

    /// <summary>Filler, roughly most common first.</summary>
    public static readonly string[] Filler =
    """
    please thanks help again today still now really just need want issue problem time order account app
    payment support team email phone week update service customer card money price plan message answer
    waiting soon quickly asap urgent frustrated happy disappointed great bad slow broken working fixed
    error screen page website login password subscription invoice receipt delivery package courier address
    tracking return exchange product quality battery device install setup settings feature option report
    export import data privacy security notification sync upload download crash freeze bug version release
    android ios browser laptop tablet desktop network wifi connection server outage downtime maintenance
    manager agent chat ticket case reference number month year yesterday morning evening weekend holiday
    store shop branch warehouse stock item size color model warranty repair replacement voucher coupon
    discount promotion campaign event community forum review rating stars recommend friends family
    business company office colleagues contract renewal cancellation upgrade downgrade trial license
    integration calendar spreadsheet keyboard shortcut theme dark mode language translation accessibility
    documentation tutorial guide video manual faq policy terms conditions consent deletion request copy
    complaint feedback suggestion idea praise compliment experience journey onboarding migration backup
    restore archive folder file photo attachment link button menu dashboard profile avatar username
    verification code authentication lockout reset recovery fraud suspicious unauthorized dispute
    """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Words almost no message has.</summary>
    public static readonly string[] Rare =
    [
        RareWord, "escheatment", "kerfuffle", "defenestration", "quincunx", "zeugma", "sesquipedalian", "bricolage",
        "palimpsest", "serendipity", "flibbertigibbet", "callipygian", "snollygoster", "lollygag", "gobbledygook",
        "brouhaha", "cattywampus", "widdershins", "skedaddle", "collywobbles",
    ];

    /// <summary>The default catalogue's topics that have sentences here, in catalogue order.</summary>
    public static IReadOnlyList<Topic> Topics() => [.. TopicCatalogue.Default.Topics.Where(topic => ByTopic.ContainsKey(topic.Key))];
}
