using System.Collections.Frozen;
using SocialEnterprise.Contracts.Classification;

namespace SocialEnterprise.Domain.Classification;

/// <summary>A word or phrase that suggests a message type, how strongly, and the rule it belongs to.</summary>
/// <param name="OnlyAlone">
/// Counts only in a message of a few words: "hi" or "lol" on their own are small talk, inside a complaint they are not.
/// </param>
internal sealed record TypeCue(string Type, double Weight, string Rule, bool OnlyAlone = false);

/// <summary>
/// The phrases that say what kind of message this is, in the languages customers write in. They are looked up in one
/// index, longest phrase first, so "would be great" reads as an idea and not as praise, and "thanks for sharing" as
/// small talk and not as thanks.
/// </summary>
internal static class TypeCues
{
    // Declared first: the compiled indexes below are built from it when the class is first used.
    private static readonly (string Type, double Weight, string Rule, bool Alone, string Phrases)[] Lists =
    [
        (MessageTypes.Complaint, 3, ComplaintRule, false,
        """
        doesnt work, dont work, didnt work, does not work, do not work, not working, isnt working, stopped working,
        stops working, no longer works, never works, wont work, wont connect, cant connect, doesnt connect, broken, broke,
        crash*, keeps crashing, is down, down again, outage, hacked, scam, fraud, lawyer, legal action, sue, still waiting,
        still hasnt, still havent, still not, still no, still nothing, where is my, wheres my, never arrived,
        never received, never came, hasnt arrived, havent received, not received, not arrived, didnt receive, didnt arrive,
        no reply, no answer, no response, nobody answers, nobody replies, nobody responds, not replied, hasnt replied,
        havent replied, havent heard, unanswered, go unanswered, charged twice, charged me twice, double charged,
        billed twice, overcharged, unauthorised, unauthorized, want my money back, waste of money, rip off, ripoff,
        unacceptable, disappointed, disappointing, not happy, not impressed, unhappy, terrible, horrible, awful, worst,
        useless, locked out, cant log in, cant login, cannot log in, cant sign in, cannot sign in, unable to log in,
        cant access, cannot access, cant turn off, cant turn on, cant turn them off, defective, faulty, damaged, dead, died,
        arrived broken, fix it, please fix, pls fix, fix this, fix your, takes forever, still broken, same problem,
        same issue, third time, cancelling, canceling, marked as delivered, says delivered, shows as delivered, not here,
        never showed up, didnt show up, never signed up, stop sending, without my consent, fourth time, fourth email,
        third email, never buying, never again, dangerous, smoking, sparked, overheating, ruined, what is going on,
        whats going on, what the hell, wtf, are you kidding, is this a joke, absolute joke, how is this, not what,
        no refund, refused, rude, fell apart, falling apart, came apart, do not buy, dont buy, drives me crazy,
        driving me crazy, drives me nuts, logs me out, by itself, wont let me, doesnt let me, does not let me,
        will not let me, still have no, still dont have, still havent got, please refund, wrong item, still cant,
        still cannot, got the wrong, sent the wrong, sent me the wrong, received the wrong, wrong size, si blocca,
        si spegne, plante, beugue, sturzt ab, hangt sich auf, se cuelga, se bloquea, crasht, loopt vast, si pianta, crasha,
        trava, travando, fecha sozinho, creepy, waste your money, dont waste your money,
        court, small claims, ombudsman, trading standards, chargeback, logged into my account, someone logged in, wasnt me,
        nobody has replied, nobody has answered, no one has replied, disgraceful, server error, charged me for, still charging, was promised, were promised,
        you promised, nobody called, no one called, never called back, never got back, never heard back, no one answers,
        no one replies, no one responds, poor quality, bad quality, low quality, unreachable, not responding, not reachable,
        peeling, rusting, already broken, funktioniert nicht, geht nicht, kaputt, defekt, warte seit, verbindet sich nicht,
        enttauscht, argerlich, beschwerde, was ist da los, geht nicht an, ne s allume pas, no enciende, no se enciende,
        no prende, gaat niet aan, non si accende, nao liga, nao chegou, no llego, non e arrivato, non e ancora arrivato,
        nicht angekommen, niet aangekomen, nog niet ontvangen, pas encore recu, ne marche pas, ne marche plus,
        ne fonctionne pas, ne fonctionne plus, ne s allume plus, pas arrive, n est toujours pas, pas recu, casse, cassee,
        defectueux, decu, decue, mauvaise qualite, en panne, inacceptable, arnaque, plainte, no funciona, no ha llegado,
        no llega, todavia no, roto, rota, llego roto, llego rota, decepcionado, decepcionada, defectuoso, estafa, queja,
        werkt niet, doet het niet, kapot, dubbel betaald, teleurgesteld, niet ontvangen, nog steeds niet, klacht,
        verbindt niet, non funziona, rotto, rotta, deluso, delusa, rovinata, rovinato, difettoso, reclamo, nao funciona,
        nao acende, com defeito, veio com defeito, quebrado, quebrada, reclamacao, pessimo, pessima
        """),
        (MessageTypes.Complaint, 2, ComplaintRule, false,
        """
        refund, refunds, money back, price increase, cancelled, canceled, error, bug, glitch, freezes, froze, frozen,
        flicker*, stuck, timing out, times out, timeout, ridiculous, joke, seriously, cracked, drains, barely lasts,
        looks cheap, again, lost, wrong, missing, how hard, unable to, mistake, gutted, scaring, scary, cant find,
        cannot find, no longer, since the update, after the update, since the last update, after the last update,
        nach dem update, depuis la mise a jour, desde la actualizacion, sinds de update, dopo l aggiornamento,
        desde a atualizacao, depois da atualizacao, rebooted, restarted, reinstalled, tried everything, offline, so long,
        taking so long, takes so long, so lange, tant de temps, tanto tiempo, zo lang, cosi tanto, tanto tempo, not so much,
        ruckerstattung, nicht erhalten, nicht mehr, toujours pas, remboursement, reembolso, terugstorten, rimborso,
        in ritardo, ritardo, errore, atrasado, defeito, lento, lenta, slow, laggy, lag, late, delayed
        """),
        // Asking for help with a problem is part of reporting it, not a question of its own.
        (MessageTypes.Complaint, 1, "asking for help", false,
        """
        help, can you help, could you help, please help, help me, pouvez vous m aider, pouvez vous nous aider, aidez moi,
        konnen sie mir helfen, konnt ihr helfen, hilfe, puede ayudarme, pueden ayudarme, ayuda, kunnen jullie helpen,
        kunt u helpen, potete aiutarmi, puoi aiutarmi, aiuto, podem ajudar, pode me ajudar, ajuda
        """),
        (MessageTypes.Complaint, 1.5, ComplaintRule, false,
        """
        problem, problems, issue, issues, flimsy, hot, complaint, annoying, frustrating, frustrated, probleme, problema,
        probleem
        """),
        (MessageTypes.Idea, 3, IdeaRule, false,
        """
        would be great if, would be great, would be nice, would be cool, would be awesome, would be amazing,
        would be helpful, would be perfect if, would be useful, would love, would like to see, id love, i d love,
        it would be, itd be, it d be, please add, pls add, plz add, please make, pls make, plz make, please let us, let us,
        could you add, can you add, can you guys add, could you make, you should, you guys should, should add, should make,
        should offer, smaller version, bigger version, larger version, version with, more colours, more colors, more sizes,
        suggestion, i suggest, feature request, featurerequest, idea, proposal, how about, what if, wish, i wish,
        have you considered, consider adding, make it possible, add an option, option to, maybe a, maybe add,
        maybe you could, setting to, ability to, bring back, would buy, would pay, possible to add, would make life,
        it would help, would it be possible, ware schon, ware toll, ware super, ware cool, ware gut, ware praktisch,
        bitte fugt, vorschlag, idee, ce serait bien, ce serait genial, serait bien, serait genial, serait top,
        pourriez vous ajouter, seria genial, seria bueno, estaria bien, sugerencia, deberian, zou fijn zijn, zou mooi zijn,
        zou handig zijn, suggestie, kunnen jullie ook, sarebbe bello, sarebbe utile, sarebbe fantastico, suggerimento,
        dovreste, seria otimo, seria bom, seria legal, sugestao, ideia, deveriam, hinzufugen, ajouter, anadir, agregar,
        toevoegen, aggiungere, adicionar, toe te voegen
        """),
        (MessageTypes.Question, 2, QuestionRule, false,
        """
        is it possible, is there a way, is there any, any chance, any plans, anyone know, does anyone know, anyone tried,
        has anyone, quick question, i would like to know, id like to know, would like to know, i wonder, wondering,
        please advise, could you tell me, can you tell me, let me know, how do i, how can i, how long, how much,
        do you have, do you, can i, what is the, whats the, where can i, who should i, is my, are you able, can you send,
        could you send, wie kann ich, gibt es, kann ich, konnen sie, konnten sie, est ce que, pouvez vous, puis je,
        como puedo, se puede, hoe kan ik, kunnen jullie, kan ik, heeft iemand, weet iemand, come posso, vorrei sapere,
        e possibile, qualcuno sa, si puo, como faco, alguem sabe, voces tem, vorrei, i request, we request, please send,
        please confirm, could you please, can you please, please let me know, request a copy, please cancel, please change,
        please update, please delete, please check, can you check, could you check, i need to, i need, i want to,
        i have a question, need help with, gostaria de saber, quisiera saber, me gustaria saber, je voudrais savoir,
        j aimerais savoir, ich mochte wissen, ich wurde gerne wissen, ik wil graag weten, ik zou graag willen weten
        """),
        (MessageTypes.Praise, 2.5, PraiseRule, false,
        """
        love, loved, love it, love these, awesome, amazing, excellent, fantastic, perfect, brilliant, wonderful, well done,
        kudos, legend, legends, shoutout, shout out, congrats, congratulations, impressive, impressed, bravo, complimenti,
        nailed it, you rock, great job, good job, great work, customer for life, worth every penny, gorgeous, stunning,
        best purchase, highly recommend, thank you, thanks so much, thank you so much, many thanks, huge thanks,
        works perfectly, no issues, cant fault, cant complain, no complaints, never had a problem, never had an issue,
        well deserved, superb, outstanding, flawless, j adore, encanta, me encanta, adorei, amei, bellissima, bellissimo,
        sehr zufrieden, super zufrieden, recomiendo, recomendo, aanrader, ottimo, perfetto, perfekt, parfait, genial
        """),
        (MessageTypes.Praise, 1.5, PraiseRule, false,
        """
        thanks, thank, thx, ty, great, best, beautiful, lovely, recommend, recommended, solid, reliable, helpful,
        happy with, pleased, merci, danke, gracias, obrigado, obrigada, grazie, bedankt, toll, top, super, zufrieden,
        tevreden, prima, fixed it, sorted, worth it, works great, works well, just works, easy setup, fast delivery,
        quick help, proud
        """),
        (MessageTypes.Feedback, 2, FeedbackRule, false,
        """
        feedback, honest feedback, pros, cons, overall, mixed bag, i think, imo, in my opinion, its ok, decent, average,
        not bad, meh, could be better, could use, nothing special, does what it says, so so, only minus, downside,
        the only thing, heads up, not gonna lie, ngl, tbh, to be honest, feels, seems, curious to see, expected more,
        room for improvement, too expensive, way too, for what it is, compared to, so far, 50 50, not so much, i prefer,
        i preferred, prefer the old, preferred the old, liked the old, used to be, was better before, miss the old,
        some thoughts, my thoughts, first impressions, verdict, a bit, kinda, somewhat, could improve, ganz ok, geht so,
        pas mal, bof, un peu, mas o menos, regular, niet slecht, gaat wel, redelijk, non male, cosi cosi, discreto,
        mais ou menos, razoavel, quand meme
        """),
        (MessageTypes.Other, 2.5, SmallTalkRule, false,
        """
        tgif, happy new year, merry christmas, happy holidays, happy friday, happy weekend, good morning, good night,
        have a nice day, have a great day, have a good day, have a good one, have a nice weekend, thanks for sharing,
        great insights, great post, welcome to, see you at, please ignore, test post, proud to announce, frohes neues,
        bonne annee, feliz ano, feliz navidad, buon natale, prettige feestdagen
        """),
        (MessageTypes.Other, 2, SmallTalkRule, true,
        """
        lol, lmao, rofl, haha, hahaha, jajaja, jaja, kkk, xd, gm, gn, bye, goodbye, ciao, hi, hello, hey, hallo, bonjour,
        hola, ola, oi, ok, okay, first, test, agree, agreed, same, interesting, nice, cool, wow, yes, no, yo, sup
        """),
        (MessageTypes.Other, 4, SpamRule, false,
        """
        click here, follow back, followback, f4f, win a free, free iphone, crypto, earn money, from home, dm me,
        check my profile, oem, price list, brochure, best quality, signals
        """),
    ];

    public const string ComplaintRule = "complaint phrases";
    public const string IdeaRule = "idea phrases";
    public const string QuestionRule = "question phrases";
    public const string PraiseRule = "praise words";
    public const string FeedbackRule = "opinion phrases";
    public const string SmallTalkRule = "small talk";
    public const string SpamRule = "spam";
    public const string FaultRule = "something going wrong again or for good";

    public static readonly PhraseIndex<TypeCue> Phrases = new(Entries());

    // Declared before QuestionOpeners, which is built from it.
    private static readonly FrozenSet<string> QuestionWords = new[]
    {
        "how", "what", "whats", "where", "wheres", "when", "which", "wie", "wo", "wann", "welche", "welcher", "welches",
        "comment", "quand", "combien", "quel", "quelle", "quels", "quelles", "como", "donde", "cuando", "cuanto", "cuanta",
        "cuantos", "cual", "hoe", "waar", "wanneer", "welke", "come", "dove", "quanto", "quanti", "quale", "onde", "qual", "quais",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Words that open a question, for questions written without a question mark as chats and emails often are. The value
    /// says whether the opening is unmistakable (a question word, "is there", "do you") or only likely ("is", "can").
    /// </summary>
    public static readonly PhraseIndex<bool> QuestionOpeners = new(Words(
        """
        how, what, whats, where, wheres, when, which, who, why, is, are, am, do, does, did, can, could, will, should, may,
        any, anyone, anybody, has, have, isnt, arent, doesnt, is there, are there, wie, was, wo, wann, warum, welche,
        welcher, welches, gibt, kann, konnen, konnten, ist, sind, habt, hast, haben sie, comment, ou, quand, pourquoi,
        combien, quel, quelle, quels, quelles, est ce, avez, pouvez, peut on, puis je, como, donde, cuando, cuanto, cuanta,
        cuantos, cual, que, por que, tienen, hay, puedo, puede, se puede, alguien, hoe, waar, wanneer, waarom, wat, welke,
        kan, kunnen, heeft, hebben, is er, zijn er, weet iemand, come, dove, quando, perche, quanto, quanti, quale, posso,
        qualcuno, avete, c e, si puo, onde, porque, qual, quais, voces, alguem, tem, existe, da para, quanto custa, do you,
        does it, does the, can i, can you, is it, is the, are the, are you
        """).Select(word => (word, word.Contains(' ', StringComparison.Ordinal) || QuestionWords.Contains(word))));

    /// <summary>Why-questions asked in anger are complaints, not questions ("why is this so slow??").</summary>
    public static readonly FrozenSet<string> Why =
        new[] { "why", "warum", "pourquoi", "waarom", "perche", "porque" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Greetings and fillers that open a sentence without being what it is about ("hi, so is the sale still on").</summary>
    public static readonly FrozenSet<string> Greetings = new[]
    {
        "hi", "hello", "hey", "dear", "hallo", "bonjour", "hola", "ola", "oi", "ciao", "buongiorno", "goedemiddag", "goedemorgen",
        "yo", "greetings", "guten", "tag", "team", "there", "all", "so", "and", "also", "btw", "ok", "okay", "well", "um", "quick",
        "also", "alors", "bueno", "pues", "nou", "dus", "allora", "entao",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that suppose rather than report ("if", "when"): a problem after them in the clause is hypothetical.</summary>
    public static readonly FrozenSet<string> Suppositions = new[]
    {
        "if", "when", "whenever", "unless", "wenn", "falls", "si", "quand", "lorsque", "cuando", "als", "wanneer", "se", "quando",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsSupposed(IReadOnlyList<Token> tokens, int start)
    {
        for (var index = start - 1; index >= 0 && tokens[index].Clause == tokens[start].Clause; index--)
        {
            if (Suppositions.Contains(tokens[index].Word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"keeps crashing", "kept logging me out", "stopped connecting": something going wrong, again or for good.</summary>
    public static bool IsFault(IReadOnlyList<Token> tokens, int index) =>
        tokens[index].Word is "keep" or "keeps" or "kept" or "keeping" or "stop" or "stops" or "stopped"
        && index + 1 < tokens.Count && tokens[index + 1].Sentence == tokens[index].Sentence
        && tokens[index + 1].Word.Length > 4 && tokens[index + 1].Word.EndsWith("ing", StringComparison.Ordinal)
        && Phrases.LongestAt(tokens, index) is null && SentimentLexicon.Words.LongestAt(tokens, index) is null
        && SentimentLexicon.Words.LongestAt(tokens, index + 1) is null;

    /// <summary>"Energy use is down 18%": a figure going down, not a service.</summary>
    public static bool IsMeasure<T>(IReadOnlyList<Token> tokens, PhraseMatch<T> match)
    {
        var next = match.Start + match.Length;
        return match.Words.EndsWith("down", StringComparison.Ordinal) && next < tokens.Count && char.IsDigit(tokens[next].Word[0]);
    }

    private static IEnumerable<(string, TypeCue)> Entries()
    {
        foreach (var (type, weight, rule, alone, phrases) in Lists)
        {
            foreach (var phrase in Words(phrases))
            {
                yield return (phrase, new TypeCue(type, weight, rule, alone));
            }
        }
    }

    private static IEnumerable<string> Words(string list) =>
        list.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
