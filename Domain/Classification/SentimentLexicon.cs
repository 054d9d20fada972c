using System.Collections.Frozen;

namespace SocialEnterprise.Domain.Classification;

/// <summary>
/// How strongly words, phrases and emoji lean positive or negative (about -3 to +3), in the languages customers write
/// in, and the words that change them: negations, intensifiers, softeners, contrasts and conditionals.
/// </summary>
internal static class SentimentLexicon
{
    // Declared first: the compiled indexes below are built from it when the class is first used.
    private static readonly (double Valence, string Words)[] Groups =
    [
        // English: positive, then negative.
        (3, """
            love, loved, loving, adore, adored, excellent, amazing, awesome, fantastic, wonderful, brilliant, perfect,
            perfectly, superb, outstanding, gorgeous, stunning, delighted, best, legend, legends, kudos, bravo, congrats,
            congratulations, well done, nailed it, you rock, worth every penny, customer for life, love it, love these,
            flawless, incredible, exceptional
            """),
        (2.2, """
            great, beautiful, lovely, impressive, impressed, grateful, favourite, favorite, recommended, highly recommend,
            painless, smooth, smoother, intuitive, reliable, happy, pleased, glad, thrilled, excited, enjoy, enjoyed,
            enjoying, cool, yay, woohoo, elegant, vibrant, helpful, friendly, appreciate, appreciated, recommend, satisfied,
            solid, life saver, lifesaver, game changer, good job, great job, great work, top notch, cant fault,
            cant complain, no complaints, fast delivery, quick help, well deserved, proud
            """),
        (1.4, """
            good, nice, easy, easily, handy, patient, kind, sorted, solved, fixed it, worth it, works great, works well,
            works perfectly, just works, quick, quickly, fast, instantly, responsive, accurate, clean, easier, prettier,
            fun, cute, sweet, better, improved, super, top, thank, thanks, thank you, thx, ty, cheers, welcome, decent,
            like it, i like, we like, really like, no issues, no problems, without any hassle, no hassle
            """),
        (0.6, """
            fine, ok, okay, alright, fair, interesting, wow, works, worked
            """),
        (-0.6, """
            meh, so so
            """),
        (-1.6, """
            peeling, rusting, unreachable, not responding, poor quality, bad quality, low quality
            """),
        (-2.2, """
            creepy, invasive, intrusive, shady, sketchy, spying, waste your money, dont waste your money, plante, beugue,
            sturzt ab, se cuelga, se bloquea, crasht, loopt vast, si blocca, si pianta, trava, travando
            """),
        (2.2, """
            would buy again, would recommend, cant wait
            """),
        (-1.2, """
            not so much, not really, could be better
            """),
        // Set phrases whose words would otherwise count: greetings, sign-offs and names of things.
        (0, """
            good morning, good afternoon, good evening, good night, good day, quick question, quick start, best regards,
            kind regards, best wishes, all the best, no problem at all, do you recommend, would you recommend,
            can you recommend, what do you recommend, have a good day, have a nice day, have a great day, have a good one,
            bom dia, boa tarde, boa noite, buenos dias, buenas tardes, buenas noches, guten morgen, guten abend,
            bonne journee, bonne soiree, buona giornata, buona sera, goede morgen, goedendag
            """),
        (-3, """
            terrible, horrible, awful, worst, hate, hated, useless, unacceptable, disgusting, pathetic, furious, scam,
            fraud, rip off, ripoff, waste of money, nightmare, disaster, sucks, suck, wtf, unusable, dangerous, unsafe,
            hacked, stolen, never again, never buying, absolute joke, shameful, disgrace, disgraceful, lawsuit, lawyer
            """),
        (-2.2, """
            bad, poor, crap, rubbish, disappointed, disappointing, disappointment, frustrating, frustrated, annoying,
            annoyed, angry, ridiculous, joke, unhappy, upset, gutted, fell apart, drives me crazy, do not buy, dont buy,
            scaring, scary, broken, defective, faulty, ruined, rude, worse, overpriced, misleading, ignored, unanswered,
            fed up, let down, not happy, cheated, sad, worried, scared, mess, ugh, damn, garbage, trash, fail, fails,
            failed, failing, failure, not working, doesnt work, dont work, didnt work, stopped working, not work,
            never works, no answer, no reply, no response, still waiting, still nothing, charged twice, double charged,
            billed twice, overcharged, crash*, freezes, froze, frozen, dead, died, damaged, cracked, smoking, burning,
            sparked, burns, burned, burnt
            """),
        (-1.3, """
            slow, laggy, lag, buggy, bug, bugs, glitch, error, errors, problem, problems, issue, issues, confusing, clunky,
            flimsy, cheap, expensive, pricey, weak, wrong, missing, lost, late, delayed, stuck, awkward, noisy, excessive,
            drains, flicker*, unresponsive, takes forever, forever, barely, leaking, hassle, complicated, difficult,
            hard to, tedious, outdated, basic, sigh, unfortunately, sadly, worried, bored, boring, nobody, offline, outage,
            cancelling, canceling, cancelled, canceled, hasnt arrived, not arrived, never arrived, havent received,
            not received, where is my, excessive, hot
            """),
        // German
        (2.5, """
            toll, klasse, perfekt, hervorragend, wunderbar, begeistert, genial, super, spitze, fantastisch, ausgezeichnet
            """),
        (1.4, """
            gut, gute, guter, gutes, prima, zufrieden, danke, gerne, schnell, schnelle, empfehlen, empfehlenswert, schick
            """),
        (-3, """
            schrecklich, furchtbar, katastrophe, katastrophal, unverschamt, betrug, mist
            """),
        (-1.6, """
            schlecht, schlechte, kaputt, defekt, enttauscht, enttauschend, argerlich, nervig, mangelhaft, fehler,
            umstandlich, leider, langsam, problem, probleme, teuer, warte
            """),
        // French
        (2.5, """
            genial, excellent, parfait, parfaite, magnifique, adore, j adore, bravo, top, formidable, superbe, merveilleux
            """),
        (1.4, """
            bien, bon, bonne, super, merci, aime, agreable, content, contente, satisfait, satisfaite, facile, rapide,
            pratique
            """),
        (-3, """
            horrible, nul, nulle, arnaque, inacceptable, honteux, catastrophe, lamentable
            """),
        (-1.6, """
            mauvais, mauvaise, decu, decue, decevant, casse, cassee, defectueux, probleme, lent, lente, panne, cher, chere,
            dommage, malheureusement
            """),
        // Spanish
        (2.5, """
            genial, excelente, perfecto, perfecta, encanta, maravilla, maravilloso, increible, fantastico, recomiendo
            """),
        (1.4, """
            bueno, buena, buen, gracias, facil, rapido, rapida, contento, contenta, feliz, bonito, bonita, gusta, jajaja,
            jaja
            """),
        (-3, """
            pesimo, pesima, fatal, estafa, horrible, terrible, vergonzoso
            """),
        (-1.6, """
            malo, mala, roto, rota, decepcionado, decepcionada, lento, lenta, problema, defectuoso, caro, cara,
            desgraciadamente, lamentablemente
            """),
        // Dutch
        (2.5, """
            geweldig, fantastisch, perfect, uitstekend, aanrader, top
            """),
        (1.4, """
            goed, goede, prima, mooi, mooie, tevreden, fijn, fijne, handig, snel, snelle, bedankt, dank
            """),
        (-3, """
            waardeloos, verschrikkelijk, oplichting, schandalig
            """),
        (-1.6, """
            slecht, slechte, traag, kapot, teleurgesteld, jammer, vervelend, probleem, duur, helaas
            """),
        // Italian
        (2.5, """
            bellissima, bellissimo, ottimo, ottima, perfetto, perfetta, fantastico, complimenti, stupendo, eccellente
            """),
        (1.4, """
            bello, bella, buono, buona, grazie, contento, contenta, soddisfatto, soddisfatta, veloce, consiglio, facile
            """),
        (-3, """
            pessimo, pessima, vergognoso, truffa, orribile
            """),
        (-1.6, """
            brutto, brutta, rotto, rotta, deluso, delusa, lento, lenta, ritardo, rovinata, rovinato, difettoso, problema,
            errore, purtroppo
            """),
        // Portuguese
        (2.5, """
            otimo, otima, excelente, perfeito, perfeita, adorei, amei, maravilhoso, maravilhosa, recomendo, incrivel
            """),
        (1.4, """
            bom, boa, obrigado, obrigada, rapido, rapida, lindo, linda, facil, muito bem, funciona muito bem, satisfeito,
            satisfeita
            """),
        (-3, """
            pessimo, pessima, horrivel, vergonha, golpe
            """),
        (-1.6, """
            ruim, defeito, quebrado, quebrada, lento, lenta, problema, decepcionado, decepcionada, pior, caro, cara,
            infelizmente, atrasado
            """),
    ];

    public static readonly PhraseIndex<double> Words = new(Entries());

    /// <summary>Words that turn what follows around ("not good", "never works"), looked for up to three words back.</summary>
    public static readonly FrozenSet<string> Negators = Set(
        "not", "no", "never", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "cannot", "couldnt",
        "wont", "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "without", "nothing", "nobody", "none", "neither", "nor",
        "hardly", "aint", "nt",
        "nicht", "kein", "keine", "keinen", "keiner", "nie", "niemals", "ohne",
        "ne", "n", "pas", "jamais", "aucun", "aucune", "sans", "rien",
        "nunca", "sin", "ningun", "ninguna", "nada", "tampoco",
        "niet", "geen", "nooit", "zonder",
        "non", "mai", "senza", "nessun", "nessuna",
        "nao", "sem", "nenhum", "nenhuma");

    public static readonly FrozenDictionary<string, double> Intensifiers = new Dictionary<string, double>
    {
        ["very"] = 1.4, ["really"] = 1.3, ["so"] = 1.3, ["extremely"] = 1.6, ["totally"] = 1.4, ["absolutely"] = 1.5,
        ["incredibly"] = 1.5, ["insanely"] = 1.5, ["truly"] = 1.3, ["too"] = 1.3, ["highly"] = 1.4, ["super"] = 1.4,
        ["completely"] = 1.4, ["utterly"] = 1.5, ["seriously"] = 1.3, ["such"] = 1.2, ["most"] = 1.2, ["way"] = 1.2,
        ["sehr"] = 1.4, ["wirklich"] = 1.3, ["echt"] = 1.3, ["total"] = 1.3, ["voll"] = 1.3, ["extrem"] = 1.5,
        ["tres"] = 1.4, ["vraiment"] = 1.3, ["trop"] = 1.3, ["tellement"] = 1.4,
        ["muy"] = 1.4, ["realmente"] = 1.3, ["demasiado"] = 1.3, ["super"] = 1.4,
        ["zeer"] = 1.4, ["heel"] = 1.4, ["erg"] = 1.4, ["enorm"] = 1.5,
        ["molto"] = 1.4, ["davvero"] = 1.3, ["troppo"] = 1.3,
        ["muito"] = 1.4, ["bem"] = 1.2, ["demais"] = 1.3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Softeners = Set(
        "bit", "slightly", "somewhat", "kinda", "kind", "sort", "little", "fairly", "bisschen", "etwas", "peu", "poco",
        "beetje", "wat", "po", "pouco", "meio");

    /// <summary>Words after which the rest of the sentence counts more than what came before ("nice, but slow").</summary>
    public static readonly FrozenSet<string> Contrasts = Set(
        "but", "however", "though", "although", "aber", "jedoch", "allerdings", "mais", "pourtant", "pero", "aunque", "maar",
        "echter", "ma", "pero", "tuttavia", "porem", "contudo", "entanto");

    /// <summary>Wishes and conditions speak of what is not there yet ("would be great if"), so they count for less.</summary>
    public static readonly FrozenSet<string> Conditionals = Set(
        "would", "could", "if", "wish", "hope", "hoping", "ware", "wurde", "wenn", "serait", "si", "seria", "zou", "als",
        "sarebbe", "se");

    public static readonly FrozenDictionary<string, double> Symbols = new Dictionary<string, double>
    {
        ["😍"] = 3, ["🥰"] = 3, ["❤"] = 3, ["♥"] = 2.5, ["💕"] = 2.5, ["💖"] = 2.5, ["😊"] = 2, ["🙂"] = 1.5, ["😀"] = 2, ["😃"] = 2,
        ["😄"] = 2, ["😁"] = 2, ["😎"] = 1.5, ["🤩"] = 3, ["👍"] = 2, ["👏"] = 2, ["🙌"] = 2.5, ["🎉"] = 2, ["🥳"] = 2.5,
        ["🔥"] = 1.5, ["💯"] = 2, ["✨"] = 1.5, ["⭐"] = 1.5, ["🌟"] = 2, ["💪"] = 1.5, ["🙏"] = 0.5, ["😂"] = 0.5, ["🤣"] = 0.5,
        ["😅"] = 0.5, ["👌"] = 2, ["✅"] = 1, ["🖤"] = 1.5, ["💙"] = 2, ["💚"] = 2, ["🤝"] = 1.5, ["🚀"] = 1.5, ["🤑"] = 0.5,
        ["😡"] = -3, ["🤬"] = -3, ["😠"] = -3, ["😤"] = -2.5, ["😞"] = -2, ["😔"] = -2, ["😢"] = -2, ["😭"] = -2.5, ["😩"] = -2.5,
        ["😫"] = -2.5, ["🙄"] = -2, ["😒"] = -2, ["😑"] = -1.5, ["😐"] = -0.5, ["😕"] = -1.5, ["🙁"] = -2, ["☹"] = -2, ["😬"] = -1.5,
        ["👎"] = -2.5, ["💩"] = -2.5, ["🤮"] = -3, ["😱"] = -2, ["🙃"] = -0.5, ["😣"] = -2, ["💔"] = -2.5, ["⚠"] = -1,
        [":)"] = 2, [":-)"] = 2, [":D"] = 2.5, [":-D"] = 2.5, [";)"] = 1.5, [";-)"] = 1.5, ["=)"] = 2, ["<3"] = 2.5, ["xD"] = 1.5,
        ["XD"] = 1.5, ["^^"] = 1.5, [":P"] = 1, [":-P"] = 1,
        [":("] = -2, [":-("] = -2, [":'("] = -2.5, [":'-("] = -2.5, ["=("] = -2, [":/"] = -1.5, [":-/"] = -1.5, [":|"] = -0.5,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static IEnumerable<(string, double)> Entries()
    {
        foreach (var (valence, words) in Groups)
        {
            foreach (var word in words.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return (word, valence);
            }
        }
    }

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
