using System.Collections.Frozen;

namespace SocialEnterprise.Simulator.Traffic;

/// <summary>
/// What simulated customers of Northwind (a maker of smart-home devices, their app and a subscription) write. The
/// placeholders in braces are filled in by <see cref="MessageWriter"/>.
/// </summary>
internal static class MessageTemplates
{
    public const string Brand = "Northwind";
    public const string BrandHandle = "@northwind";

    public static readonly IReadOnlyList<string> Products =
    [
        "Northwind Hub", "thermostat", "door camera", "app", "smart plug", "motion sensor", "Android app", "iOS app",
        "web dashboard", "video doorbell", "smoke detector", "water leak sensor",
    ];

    public static readonly IReadOnlyList<string> Features =
    [
        "dark mode", "CSV export", "two-factor login", "schedules", "push notifications", "offline mode", "geofencing",
        "energy reports", "family sharing", "widgets", "scenes", "vacation mode", "multi-home support", "API access",
    ];

    public static readonly IReadOnlyList<string> Devices = ["Pixel 8", "iPhone 15", "Galaxy S23", "iPad", "Fire tablet", "Android phone", "Mac", "Windows laptop"];

    public static readonly IReadOnlyList<string> Integrations = ["Google Home", "Alexa", "HomeKit", "IFTTT", "Home Assistant", "SmartThings"];

    public static readonly FrozenDictionary<Intent, IReadOnlyList<string>> Public = new Dictionary<Intent, IReadOnlyList<string>>
    {
        [Intent.Complaint] =
        [
            "{brand} my {product} keeps going offline every night. Paid good money for this.",
            "3rd time this week the {product} crashed on my {device}. Fix it!!",
            "Order {order} still hasn't arrived, {days} days now and no reply from support",
            "The {product} update wiped all my schedules. Thanks for nothing {brand}",
            "why does the {product} need 10 minutes to load?? unacceptable",
            "I was charged twice for Northwind Plus this month. Who do I talk to?",
            "My thermostat stopped working after the update and now the heating is stuck at 16°C 🥶",
            "Been on hold for 45 min with {brand} support. This is ridiculous",
            "the motion sensor battery lasts 2 days, advertised 6 months. false advertising?",
            "Can't log in since yesterday, password reset emails never arrive. {brand} pls",
            "Your smart plug ships with a 2-pin plug in the UK. Seriously?",
            "The Northwind Hub randomly unlocks the front door at night. This is a SAFETY issue.",
        ],
        [Intent.Question] =
        [
            "Does the {product} work with {integration}?",
            "{brand} how do I reset the {product} to factory settings?",
            "Is there a way to share the {product} with my partner without giving my password?",
            "Anyone know if the {product} works on the {device}?",
            "When is {feature} coming to the {product}? Asked months ago",
            "What's the difference between Northwind Plus and the free plan? Worth it?",
            "Can I return the {product} if I opened the box? Order {order}",
            "{brand} do you ship to Norway?",
            "how do i move my {product} to a new wifi network without re-pairing everything",
            "Is my data from the {product} stored in the EU? Asking for GDPR reasons",
            "Will the old hub get the new firmware or do I need to buy the new one?",
        ],
        [Intent.Idea] =
        [
            "{brand} please add {feature} to the {product}, it's the one thing missing",
            "Idea: let the thermostat learn when I get home and warm up the house before",
            "Would love {feature} in the {product}. Who else wants this? 🙋",
            "Feature request: {integration} support for the {product}. Would buy two more instantly",
            "It would be great if the app could show energy use per room",
            "Suggestion: a cheaper Northwind Plus plan for just one device",
            "Let us name the scenes in the app with emoji 😄 small thing but fun",
        ],
        [Intent.Praise] =
        [
            "Honestly the {product} is the best thing I bought this year. Well done {brand}!",
            "Shoutout to {brand} support, fixed my {product} in 5 minutes 🙌",
            "Setup of the {product} took 2 minutes. Impressed.",
            "Love the new {feature} in the {product}!! ❤️",
            "{brand} replaced my broken {product} without any questions. That's how it's done.",
            "Our heating bill went down 20% since we got the thermostat. Thank you {brand}",
            "The new app design is so clean 😍",
        ],
        [Intent.Feedback] =
        [
            "The {product} is ok but the app feels slow on my {device}",
            "Mixed feelings about the {product}: hardware great, app confusing",
            "Tried the {product} for a month. Good: easy setup. Bad: notifications are way too frequent.",
            "The new menu in the app takes more taps than before. Not a fan",
            "The {product} works well, but the instructions in the box could be clearer",
            "Northwind Plus is fine, though the price went up again this year",
        ],
        [Intent.Banter] =
        [
            "Monday again ☕☕☕ who else needs coffee",
            "lol my cat keeps setting off the motion sensor 😂",
            "{brand} your mascot is the cutest, just saying",
            "who's watching the match tonight? ⚽",
            "Just realised I have more smart plugs than friends 😅",
            "happy friday everyone!! 🎉",
            "my {product} and I are in a relationship now",
            "the weather today tho 🌧️",
        ],
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<Intent, IReadOnlyList<string>> Reviews = new Dictionary<Intent, IReadOnlyList<string>>
    {
        [Intent.Complaint] =
        [
            "Stopped working after 3 weeks. Support took {days} days to answer. Avoid.",
            "Disconnects from wifi constantly. Returned it.",
            "App is buggy, the {product} forgets its settings after every update. 1 star.",
            "Arrived damaged (order {order}) and the replacement is still not here.",
        ],
        [Intent.Question] =
        [
            "Works fine so far, but does anyone know if it supports {integration}?",
            "Decent device. Can it run without the subscription though?",
        ],
        [Intent.Idea] =
        [
            "Good product, would be perfect with {feature}.",
            "Nice, but please add {integration} support and I'll give 5 stars.",
        ],
        [Intent.Praise] =
        [
            "Excellent! Easy install, great app, and the {product} just works.",
            "Best smart home purchase I've made. Customer service was friendly and fast.",
            "Five stars. The thermostat paid for itself in lower energy bills.",
            "Super happy with the {product}, recommended it to my whole family 👍",
        ],
        [Intent.Feedback] =
        [
            "Does the job. The app could be faster and the manual is thin.",
            "Average. Hardware is solid, software needs work.",
            "Good value, but setup on my {device} was fiddly.",
        ],
        [Intent.Banter] = ["Bought it for my dad, he now talks to the thermostat every morning 😂"],
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<Intent, IReadOnlyList<string>> Emails = new Dictionary<Intent, IReadOnlyList<string>>
    {
        [Intent.Complaint] =
        [
            "I ordered the {product} ({order}) {days} days ago and it still hasn't arrived. The tracking link shows nothing. Please refund me or send it today.",
            "Since the last update my {product} disconnects every few hours. I have restarted it, re-paired it and reset the router. Nothing helps. This is very frustrating.",
            "I was billed twice for Northwind Plus this month (see attached statement). Please refund the second charge.",
            "Your technician did not show up for the installation appointment yesterday and nobody called. I took a day off work for this.",
        ],
        [Intent.Question] =
        [
            "Could you tell me whether the {product} works with {integration}? I'm deciding between your product and a competitor's.",
            "I'm moving house next month. How do I transfer my {product} and my Northwind Plus subscription to the new address?",
            "We are a small office with 12 rooms. Do you offer a business plan or volume discount for the {product}?",
            "What personal data does the {product} collect, and can I request a copy of it?",
        ],
        [Intent.Idea] =
        [
            "I've used the {product} for two years and love it. One suggestion: {feature} would make it much more useful for families like ours.",
            "Have you considered an integration with {integration}? Many people in our user group keep asking for it.",
        ],
        [Intent.Praise] =
        [
            "I just wanted to say thank you to the support team. My {product} was replaced within two days and everyone was very kind.",
            "Thank you for the quick help yesterday, everything works perfectly now.",
        ],
        [Intent.Feedback] =
        [
            "Some feedback after a month with the {product}: the hardware is great, but the app's settings are hard to find and notifications are too frequent.",
            "The new pricing for Northwind Plus is confusing. I couldn't work out from the website which plan I need.",
        ],
        [Intent.Banter] = ["Happy holidays to the whole Northwind team! 🎄"],
    }.ToFrozenDictionary();

    public static readonly IReadOnlyList<string> EmailGreetings = ["Hi,", "Hello,", "Dear Northwind team,", "Hi there,", "Good morning,", "To whom it may concern,"];

    public static readonly IReadOnlyList<string> EmailClosings = ["Thanks,", "Best regards,", "Kind regards,", "Cheers,", "Thank you,", "Regards,"];

    public static readonly FrozenDictionary<Intent, IReadOnlyList<string>> Chats = new Dictionary<Intent, IReadOnlyList<string>>
    {
        [Intent.Complaint] =
        [
            "hi my {product} is not working since this morning",
            "hello, my order {order} is late and i need it before friday",
            "The app logs me out every 5 min. Very annoying",
            "i got charged twice??",
        ],
        [Intent.Question] =
        [
            "hi! quick question, does the {product} work with {integration}?",
            "Hello, how do I add a second user to my account?",
            "is there a student discount for Northwind Plus",
            "hey, can I change the delivery address for {order}?",
        ],
        [Intent.Idea] = ["hi, not a problem, just an idea: {feature} would be great"],
        [Intent.Praise] = ["just wanted to say the {product} is great 😊"],
        [Intent.Feedback] = ["the new checkout is a bit confusing fyi"],
        [Intent.Banter] = ["hello? is this a bot or a human 🤖", "hi"],
    }.ToFrozenDictionary();

    /// <summary>What the same person writes next in their own thread.</summary>
    public static readonly FrozenDictionary<Intent, IReadOnlyList<string>> FollowUps = new Dictionary<Intent, IReadOnlyList<string>>
    {
        [Intent.Complaint] =
        [
            "Any update on this?", "still waiting... {days} days now", "Hello?? Nobody answering?", "This is still broken after the update.",
            "I've now tried everything you suggested. Still not working.", "If this isn't fixed by Friday I'm cancelling.",
            "Also, the LED is blinking red now, if that helps", "Order number is {order} btw",
        ],
        [Intent.Question] =
        [
            "Anyone?", "Also, does it work on the {device}?", "To be clear, I mean the old model.", "Thanks! And what about {integration}?",
        ],
        [Intent.Idea] = ["Happy to beta test this btw", "Here's how another app does it, would love something similar", "+1 to my own idea 😅"],
        [Intent.Praise] = ["Thanks, that worked! 🙏", "Perfect, all sorted now. Great service.", "You guys are the best"],
        [Intent.Feedback] = ["To add to this: it's mostly in the evening.", "Just to be fair, the rest of the app is great."],
        [Intent.Banter] = ["haha", "😂😂", "ok back to work"],
    }.ToFrozenDictionary();

    /// <summary>What the same person writes next in their own e-mail thread.</summary>
    public static readonly FrozenDictionary<Intent, IReadOnlyList<string>> EmailFollowUps = new Dictionary<Intent, IReadOnlyList<string>>
    {
        [Intent.Complaint] =
        [
            "I am writing again about my message below. I still have not had an answer.",
            "It has now been {days} days. Please respond, or I will have to take this further.",
            "I have tried the steps you suggested, but the problem is still there. The order number is {order}.",
        ],
        [Intent.Question] = ["Just following up on my question below.", "Could you please confirm? I need to decide this week.", "One more question: does this also apply to the {product}?"],
        [Intent.Idea] = ["Following up on my suggestion: happy to share more details or test a beta."],
        [Intent.Praise] = ["Thanks again, everything works now.", "That solved it, thank you very much!"],
        [Intent.Feedback] = ["One more thing I forgot to mention: the {device} app crashes when I open the settings."],
        [Intent.Banter] = ["Have a lovely weekend, all of you! 😊", "PS: my kids now call the thermostat \"Norbert\"."],
    }.ToFrozenDictionary();

    /// <summary>What others write when they join someone's public thread.</summary>
    public static readonly FrozenDictionary<Intent, IReadOnlyList<string>> JoinIns = new Dictionary<Intent, IReadOnlyList<string>>
    {
        [Intent.Complaint] = ["Same here!! 😤", "+1, mine does the same on my {device}", "Exactly the same problem since the update", "me too. {brand} please fix"],
        [Intent.Question] = ["I'd like to know this too", "Following", "Did you ever get an answer?"],
        [Intent.Idea] = ["Yes please! +1", "Would love this too", "This! 🙌"],
        [Intent.Praise] = ["Agreed, great product", "Same experience, support was great"],
        [Intent.Feedback] = ["Agree about the app being slow", "Not my experience, works fine for me"],
        [Intent.Banter] = ["lol", "😂 this", "haha same", "big mood"],
    }.ToFrozenDictionary();

    public static readonly IReadOnlyList<string> Spam =
    [
        "🚀🚀 CRYPTO GIVEAWAY 🚀🚀 send 0.05 ETH and get 0.5 back 👉 https://bit.ly/{code}",
        "follow for follow?? f4f 🔁 #followback #f4f",
        "Earn $5,000/week from home!!! DM me 💰💰💰 https://cash-now.example/{code}",
        "heyyyyyyyyy check my profile 😍😍😍😍😍",
        "Best crypto signals 📈📈 join t.me/{code} NOW",
        "Cheap followers, 10k for $5 → http://followers-fast.example/{code}",
        "WIN A FREE IPHONE!!!!!!!! click here http://free-prizes.example/{code}",
        "nice post!!!!!!!! visit my page for more 🔥🔥🔥🔥🔥",
        "Northwind Hub 90% off replica ➡ http://deals-outlet.example/{code}",
        "New crypto $MOONCOIN: get in before it's too late 🚀🌕 100x guaranteed",
        "follow me follow me follow me follow me",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ];

    /// <summary>Customers who write in their own language.</summary>
    public static readonly IReadOnlyList<(Intent Intent, string Text)> Foreign =
    [
        (Intent.Complaint, "Mein Thermostat verbindet sich seit dem Update nicht mehr mit dem WLAN. Sehr ärgerlich!"),
        (Intent.Complaint, "Ma commande {order} n'est toujours pas arrivée, ça fait {days} jours..."),
        (Intent.Question, "¿El termostato funciona con {integration}? Gracias"),
        (Intent.Question, "Qualcuno sa come resettare il Northwind Hub?"),
        (Intent.Praise, "Adoro o meu termostato Northwind, muito fácil de usar 😍"),
        (Intent.Praise, "Super Service, danke an das Support-Team! 👍"),
        (Intent.Feedback, "De app is prima, maar de meldingen zijn te veel."),
        (Intent.Idea, "Pourriez-vous ajouter un mode sombre à l'application ?"),
        (Intent.Question, "Northwind Hub は日本で使えますか？"),
        (Intent.Complaint, "Kamera dzwonka ciągle się rozłącza. Proszę o pomoc."),
    ];

    public static readonly FrozenDictionary<Intent, IReadOnlyList<string>> Hashtags = new Dictionary<Intent, IReadOnlyList<string>>
    {
        [Intent.Complaint] = ["#fail", "#customerservice", "#fixit", "#disappointed", "#northwindfail"],
        [Intent.Question] = ["#help", "#smarthome", "#askingforafriend"],
        [Intent.Idea] = ["#featurerequest", "#smarthome", "#ideas"],
        [Intent.Praise] = ["#love", "#smarthome", "#happycustomer", "#northwind"],
        [Intent.Feedback] = ["#review", "#smarthome"],
        [Intent.Banter] = ["#mondaymood", "#catsofinstagram", "#fridayfeeling"],
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<Intent, IReadOnlyList<string>> Emoji = new Dictionary<Intent, IReadOnlyList<string>>
    {
        [Intent.Complaint] = ["😡", "🤬", "😤", "👎", "🙄", "😩"],
        [Intent.Question] = ["🤔", "🙏", "❓"],
        [Intent.Idea] = ["💡", "🙏", "✨"],
        [Intent.Praise] = ["❤️", "🙌", "👏", "😍", "⭐"],
        [Intent.Feedback] = ["🤷", "😐", "👍"],
        [Intent.Banter] = ["😂", "🤣", "😅", "🎉"],
    }.ToFrozenDictionary();
}
