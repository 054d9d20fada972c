using System.Collections.Frozen;

namespace SocialEnterprise.Domain.Classification;

/// <summary>
/// What each recognised language looks like in a short message: its most frequent words (a word shared by several
/// languages counts for each in proportion), the accented letters it uses, and the word endings and letter groups
/// typical of it. Scores are summed per language; too little evidence, or a tie, reads as undetermined.
/// </summary>
internal static class LanguageProfiles
{
    /// <summary>Less evidence than one word found in a single language is not enough to tell.</summary>
    public const double Enough = 0.9;

    // In the order of MessageLanguages.Recognised; words as messages read them (lower case, no accents).
    private static readonly string[] Words =
    [
        """
        the a an and or but is are was were be been being have has had do does did i me my you your we our us it its this
        that these those to of in on for with at by from as not no can will would should could just so if what how when
        where why who which there they them their he she him her all any some get got im ive dont doesnt cant isnt wont
        didnt thanks thank please hi hello hey ok okay lol lmao gm bye yes yeah great love good new now still after again
        about up out one very really since than too also only same here help guys anyone know like wow nice first meh
        perfect order already been every follow back agree need want make take see look use work works time day days way
        thing well much more other into then because think say going off right let should doing anything everything
        something buy bought tried try last next week weeks month home light lights tonight today watching everyone who else
        game order product delivery shipping price quality customer service support bought working received arrived waiting
        refund account bulb ever never always best worst bad money purchase recommend love hate awesome amazing terrible
        """,
        """
        der die das und ist nicht ich du sie wir ihr es ein eine einen einem mit auf fur von zu den dem des im am auch aber
        wie was wo wann warum sehr schon noch nach bei seit mein meine meinen mir mich dass kann konnen habe hat haben sind
        wird werden bitte danke gibt uber oder wenn nur mehr kein keine zwei wochen los da hallo guten tag gerne wieder sich
        dauert lange sie ihnen freundlichen grussen gute super lampe produkt lieferung bestellung preis qualitat kunde
        kundenservice funktioniert bekommen leider schnell toll vielen dank kaputt geliefert bestellt heute gestern immer
        nichts etwas jetzt hier dort man diese dieser dieses alle ganz sein seine unser unsere
        """,
        """
        le la les un une des du de et est sont je tu il elle nous vous ils ne pas plus que qui quoi pour avec dans sur par
        mon ma mes votre vos ce cette ces au aux mais ou tres bien merci bonjour avoir etre fait suis ai a en c l d j n s qu
        toujours alors comment pourquoi quand meme nouvelle nouveau aussi peu cordialement chez lampe serait produit
        livraison commande prix qualite client fonctionne recu rapide aujourd hui hier depuis colis aide vraiment rien tout
        tous cela ca ici deja encore sans leur leurs notre nos
        """,
        """
        el la los las un una unos y es son de del que en con por para mi mis tu su sus lo le se no si muy pero como mas ya
        esta este estoy tengo tienen hay puedo donde cuando cual porque gracias hola todo nada al me semana pasada he ha
        antes jajaja jaja bueno buena alguien sabe las producto envio pedido precio calidad cliente funciona recibido rapido
        todavia hoy ayer desde lampara ayuda tambien bien entrega llego nunca siempre ahora aqui nuestro nuestra usted
        ustedes eso esa ese solo
        """,
        """
        de het een en is zijn niet ik je jij u we wij ze dat die dit van voor met op te naar aan om bij maar ook nog wel
        geen mijn jullie heeft hebben kan kunnen zou worden wordt er als dan wat hoe waar wanneer waarom iemand na binnen
        heel erg goed bedankt groet hallo dag goedemiddag goedemorgen soms beetje mooie tevreden lamp product levering
        bestelling prijs kwaliteit klant werkt ontvangen snel snelle vandaag gisteren sinds hulp echt mooi graag niets iets
        alles hier daar nu altijd nooit onze ons deze mij zo
        """,
        """
        il lo la i gli le un una uno e di del della dei delle che per con non sono ho hai ha abbiamo mi ti si ci mio mia
        questo questa come dove quando perche ma anche molto piu gia ancora grazie buongiorno ciao vorrei sapere qualcuno sa
        da in al alla nel nella sul cordiali saluti stata stato e prodotto consegna spedizione ordine prezzo qualita cliente
        funziona ricevuto veloce ottimo oggi ieri lampada aiuto davvero bello bella bellissima arrivato spesso sempre solo
        poi tutto tutti niente qui adesso nostro nostra questi
        """,
        """
        o a os as um uma e de do da dos das em no na nos nas que com para por nao sim eu voce voces ele ela meu minha seu
        sua muito mais mas como onde quando porque obrigado obrigada ola oi tem tenho foi esta sao ser ja ainda alguem
        depois so ou ao pelo pela isso esse essa faco vem produto entrega pedido preco qualidade cliente funciona recebi
        rapido hoje ontem desde lampada ajuda chegou otimo bom dia nunca sempre agora aqui nosso nossa voce todos tudo nada
        gostaria
        """,
    ];

    /// <summary>For each common word, the languages it belongs to and what it is worth to each.</summary>
    public static readonly FrozenDictionary<string, (int Language, double Weight)[]> CommonWords = BuildCommonWords();

    public static readonly FrozenDictionary<char, (int Language, double Weight)[]> Letters = new Dictionary<char, (int, double)[]>
    {
        ['ß'] = [(German, 2)], ['ä'] = [(German, 1.2)], ['ö'] = [(German, 1)], ['ü'] = [(German, 1)],
        ['é'] = [(French, 0.5), (Spanish, 0.3), (Portuguese, 0.3), (Italian, 0.2)], ['è'] = [(French, 0.7), (Italian, 0.9)],
        ['ê'] = [(French, 1), (Portuguese, 0.7)], ['à'] = [(French, 0.7), (Italian, 0.7), (Portuguese, 0.3)],
        ['â'] = [(French, 0.8), (Portuguese, 0.6)], ['ç'] = [(French, 0.8), (Portuguese, 1)], ['ô'] = [(French, 0.8), (Portuguese, 0.6)],
        ['î'] = [(French, 1)], ['û'] = [(French, 1)], ['ù'] = [(French, 0.6), (Italian, 0.8)], ['œ'] = [(French, 2)],
        ['ë'] = [(Dutch, 0.8), (French, 0.4)], ['ï'] = [(Dutch, 0.6), (French, 0.6)],
        ['ñ'] = [(Spanish, 2)], ['á'] = [(Spanish, 0.7), (Portuguese, 0.7)], ['í'] = [(Spanish, 0.8), (Portuguese, 0.6)],
        ['ó'] = [(Spanish, 0.8), (Portuguese, 0.6), (Italian, 0.2)], ['ú'] = [(Spanish, 0.8), (Portuguese, 0.6)],
        ['ã'] = [(Portuguese, 2)], ['õ'] = [(Portuguese, 2)], ['ì'] = [(Italian, 1)], ['ò'] = [(Italian, 1)],
    }.ToFrozenDictionary();

    /// <summary>Word endings typical of one language, for words of five letters or more.</summary>
    public static readonly (string Ending, int Language, double Weight)[] Endings =
    [
        ("ung", German, 0.8), ("ungen", German, 1), ("heit", German, 0.8), ("keit", German, 0.8), ("lich", German, 0.6),
        ("chen", German, 0.4),
        ("tje", Dutch, 1), ("tjes", Dutch, 1.2), ("lijk", Dutch, 1), ("heid", Dutch, 1),
        ("eau", French, 0.8), ("eaux", French, 1), ("eux", French, 0.8), ("euse", French, 0.8), ("ment", French, 0.3),
        ("aient", French, 1),
        ("cion", Spanish, 1), ("ciones", Spanish, 1.2), ("mente", Spanish, 0.3), ("dad", Spanish, 0.8), ("ado", Spanish, 0.3),
        ("zione", Italian, 1.2), ("zioni", Italian, 1.2), ("mente", Italian, 0.3), ("etto", Italian, 0.6), ("issimo", Italian, 1),
        ("issima", Italian, 1),
        ("cao", Portuguese, 1.2), ("coes", Portuguese, 1.2), ("mente", Portuguese, 0.3), ("dade", Portuguese, 0.8), ("inho", Portuguese, 0.8),
        ("ing", English, 0.6), ("tion", English, 0.4), ("ness", English, 0.6), ("ght", English, 0.6), ("ould", English, 0.8),
    ];

    /// <summary>Letter groups typical of one language anywhere in a word.</summary>
    public static readonly (string Group, int Language, double Weight)[] Groups =
    [
        ("sch", German, 0.4), ("tz", German, 0.3), ("ij", Dutch, 0.8), ("oe", Dutch, 0.3), ("gli", Italian, 0.5), ("zz", Italian, 0.5),
        ("nh", Portuguese, 0.6), ("lh", Portuguese, 0.6), ("th", English, 0.3), ("wh", English, 0.6),
    ];

    private const int English = 0;
    private const int German = 1;
    private const int French = 2;
    private const int Spanish = 3;
    private const int Dutch = 4;
    private const int Italian = 5;
    private const int Portuguese = 6;

    private static FrozenDictionary<string, (int, double)[]> BuildCommonWords()
    {
        var languages = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var language = 0; language < Words.Length; language++)
        {
            foreach (var word in Words[language].Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (!languages.TryGetValue(word, out var set))
                {
                    languages[word] = set = [];
                }

                set.Add(language);
            }
        }

        return languages.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.Order().Select(language => (language, 1.0 / pair.Value.Count)).ToArray(),
            StringComparer.Ordinal);
    }
}
