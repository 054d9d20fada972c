namespace SocialEnterprise.Domain.Classification;

/// <summary>A phrase that makes a message more urgent: the urgency it calls for, at least, and why.</summary>
internal sealed record UrgencyCue(int Rank, string Rule);

/// <summary>What makes a message urgent: legal threats, safety, outages and break-ins (critical); money lost, access lost,
/// being ignored, explicit urgency, formal data requests, customers leaving (high).</summary>
internal static class UrgencyCues
{
    // Declared first: the compiled indexes below are built from it when the class is first used.
    private static readonly (int Rank, string Rule, string Phrases)[] Lists =
    [
        (3, "legal threat",
        """
        small claims court, ombudsman, trading standards, take legal, legal steps,
        lawyer, lawyers, attorney, solicitor, legal action, sue, suing, lawsuit, court, small claims, legal department,
        pursue damages, consumer protection, anwalt, rechtsanwalt, klage, gericht, avocat, tribunal, poursuites, abogado,
        demanda, denuncia, advocaat, rechter, rechtszaak, avvocato, tribunale, advogado, procon
        """),
        (3, "safety",
        """
        fire, caught fire, on fire, smoke, smoking, burn*, sparked, sparks, sparking, electric shock, electrocuted,
        exploded, explosion, melted, melting, dangerous, hazard, unsafe, injured, injury, overheating, feuer, rauch,
        gefahrlich, incendie, fumee, dangereux, incendio, humo, peligroso, gevaarlijk, rook, pericoloso, fumo, perigoso,
        fumaca
        """),
        (3, OutageRule,
        """
        server error, servers are down, cloud down, cloud is down, service unavailable, down for everyone, down for me too,
        outage, is down, are down, down again, app is down, service down, servers down, offline all, not loading at all,
        nobody can, storung, panne generale, caida, storing, disservizio, fora do ar
        """),
        (3, "security",
        """
        logged into my account, someone logged in, changed my email, changed my password, wasnt me, was not me,
        suspicious login, unknown device,
        hacked, hacker, data breach, breach, someone changed, unauthorised access, unauthorized access, identity theft,
        stolen, gehackt, pirate, hackeado, gehackt, violazione, invadida
        """),
        (2, "urgent words",
        """
        by today, by tomorrow, before tomorrow, by end of day, need this sorted, need it sorted, need this fixed, need it fixed,
        urgent, urgently, asap, immediately, right now, emergency, respond now, as soon as possible, dringend, sofort,
        umgehend, urgence, immediatement, urgente, urgencia, inmediatamente, spoed, meteen, onmiddellijk, subito,
        immediatamente, urgentemente, imediatamente, agora mesmo
        """),
        (2, "money lost",
        """
        charged me for, still charging, charged after,
        charged twice, charged me twice, double charged, double charge, billed twice, overcharged, unauthorised charge,
        unauthorized charge, unauthorised, unauthorized, fraudulent, chargeback, my bank, want my money back, no refund,
        doppelt abgebucht, debite deux fois, cobrado dos veces, dubbel betaald, dubbel afgeschreven, addebitato due volte,
        cobrado duas vezes
        """),
        (2, "access lost",
        """
        locked out, account locked, account has been locked, been locked, cant log in, cant login, cannot log in,
        cant sign in, cannot sign in, unable to log in, cant access, cannot access, lost access, code never arrives,
        never arrives, kein zugang, gesperrt, bloque, bloqueada, bloqueado, geblokkeerd, bloccato, bloccata
        """),
        (2, "ignored",
        """
        nobody has replied, nobody has answered, no one has replied, no one has answered, 3rd time, 4th time, 5th time,
        time asking, three times, 3 times, asked twice, messaged you,
        no answer, no reply, no response, nobody answers, nobody replies, nobody responds, unanswered, not replied,
        hasnt replied, havent replied, havent heard, emailed twice, called twice, third time, fourth time, third email,
        fourth email, second email, again and again, keine antwort, pas de reponse, sin respuesta, geen antwoord,
        nessuna risposta, sem resposta
        """),
        (2, "customer leaving",
        """
        cancelling, canceling, cancel my account, never buying, never again, switching to, going to a competitor
        """),
        (2, "formal data request",
        """
        gdpr, article 15, article 17, dsgvo, rgpd, lgpd, subject access request
        """),
    ];

    public const string AngerRule = "strong negative sentiment";
    public const string ReachRule = "public complaint with a large following";
    public const string OutageRule = "outage";

    public static readonly PhraseIndex<UrgencyCue> Phrases = new(Entries());

    private static IEnumerable<(string, UrgencyCue)> Entries()
    {
        foreach (var (rank, rule, phrases) in Lists)
        {
            foreach (var phrase in phrases.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return (phrase, new UrgencyCue(rank, rule));
            }
        }
    }
}
