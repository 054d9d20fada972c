using SocialEnterprise.Shared;

namespace SocialEnterprise.WorkspaceBenchmark;

/// <summary>What the generated data is made of: channel weights, names, and the set-based SQL that writes it.</summary>
public sealed partial class WorkspaceData
{
    // Email and chat carry most conversations, LinkedIn the fewest.
    private static readonly string[] ChannelsWeighted = Weighted(
        (IngestSettings.Email, 25), (IngestSettings.Chat, 20), (IngestSettings.X, 18), (IngestSettings.Facebook, 12),
        (IngestSettings.Reviews, 10), (IngestSettings.Community, 8), (IngestSettings.LinkedIn, 7));

    private static readonly string[] FirstNames =
    [
        "Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Leon", "Sofia", "Elias", "Hannah", "Finn", "Lea", "Jonas", "Clara",
        "Paul", "Marie", "Felix", "Lina", "Ben", "Amelie", "Theo", "Ella", "Max", "Nora", "Anton", "Ida", "Oskar", "Lotte", "Henry",
        "Chloe", "Louis", "Jade", "Hugo", "Alice", "Jules", "Lucia", "Mateo", "Valentina", "Diego", "Giulia", "Marco", "Aisha",
        "Omar", "Yuki", "Kenji", "Priya", "Arjun", "Sara", "David",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Walker",
        "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Lewis", "Martin",
        "Jackson", "Clarke", "Clark", "Turner", "Hill", "Scott", "Cooper", "Morris", "Ward", "Moore", "King", "Watson", "Baker",
        "Harrison", "Morgan", "Patel", "Young", "Allen", "Mitchell", "James", "Anderson", "Phillips", "Lee", "Bell", "Parker",
        "Davis", "Muller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Dubois",
        "Durand", "Lefebvre", "Moreau", "Laurent", "Garcia", "Martinez", "Lopez", "Gonzalez", "Rossi", "Russo", "Ferrari",
        "Esposito", "Bianchi", "DeVries", "Jansen", "Bakker", "Visser", "Silva", "Santos",
    ];

    // The customer number k is the seed of everything about a customer: its id, its name and how many identities it has,
    // so that conversations find their customer's identities without a lookup. Customer k has 1 + hash(k) % 3 identities;
    // identity j is on a channel drawn by hash(4k + j).
    private static readonly string CustomersSql = $$"""
        WITH c AS (
            SELECT k,
                   (ARRAY['{{string.Join("','", FirstNames)}}'])[1 + k % {{FirstNames.Length}}] || ' ' ||
                   (ARRAY['{{string.Join("','", LastNames)}}'])[1 + (k / {{FirstNames.Length}}) % {{LastNames.Length}}] AS name,
                   random() AS r_email, random() AS r_tier, random() AS r_influence,
                   now() - interval '730 days' * random() - interval '1 day' AS created
            FROM generate_series(@from::int, @to::int) AS k
        ), inserted AS (
            INSERT INTO customers (id, display_name, email, tier, influence, created_at, updated_at, merged_into_id)
            SELECT md5('customer-' || k)::uuid, name,
                   CASE WHEN r_email < 0.6 THEN lower(replace(name, ' ', '.')) || '.' || k || '@example.com' END,
                   CASE WHEN r_tier < 0.03 THEN 'vip' ELSE 'standard' END,
                   floor(power(r_influence, 4) * 100)::int, created, created, NULL
            FROM c
            RETURNING 1
        )
        INSERT INTO customer_identities (id, customer_id, channel, handle, display_name, email, followers, name_key, handle_key,
            evidence, evidence_detail, consent, consent_basis, consent_recorded_at, first_seen_at, last_seen_at)
        SELECT md5('identity-' || k || '-' || j)::uuid, md5('customer-' || k)::uuid, channel, handle, name,
               CASE WHEN channel = 'email' THEN handle || '@example.com' END,
               floor(power(random(), 6) * 100000)::int, lower(name), handle,
               CASE WHEN j = 1 THEN 'first-seen' ELSE 'same-email' END, '', 'unknown', '', created, created, created + (now() - created) * random()
        FROM (
            SELECT c.k, j, c.name, c.created,
                   (@channels::text[])[1 + (2147483647 & hashint8(4 * c.k + j)) % cardinality(@channels::text[])] AS channel,
                   lower(replace(c.name, ' ', '_')) || '_' || c.k || '_' || j AS handle
            FROM c CROSS JOIN LATERAL generate_series(1, 1 + (2147483647 & hashint8(c.k)) % 3) AS j
        ) i
        """;

    // Level d draws every random number of a conversation once (a subquery with volatile outputs is not flattened);
    // the levels above only derive from them. The message counts add up to @messages exactly: conversation i gets
    // floor(i*M/N) - floor((i-1)*M/N), plus v for odd i and minus v for its even partner (v from a hash of the pair).
    private const string ConversationsSql = """
        INSERT INTO conversations (id, customer_id, identity_id, channel, status, type, sentiment, sentiment_score, topic, language,
            urgency, priority, department, routing_reason, preview, message_count, opened_at, last_activity_at, resolved_at,
            previous_conversation_id, version, assignee_id, assigned_at, response_clock_started_at, response_warn_at, response_due_at)
        SELECT gen_random_uuid(), md5('customer-' || k)::uuid, md5('identity-' || k || '-' || j)::uuid,
               (@channels::text[])[1 + (2147483647 & hashint8(4 * k + j)) % cardinality(@channels::text[])],
               status, type,
               CASE WHEN score < -0.2 THEN 'negative' WHEN score > 0.2 THEN 'positive' ELSE 'neutral' END, score, topic, 'en',
               CASE priority WHEN 'urgent' THEN 'critical' ELSE priority END, priority, department,
               'Generated for the workspace benchmark: ' || coalesce(topic, 'no topic') || ' goes to ' || department,
               left(text, 160), message_count, last_activity_at - opened_before, last_activity_at,
               CASE WHEN status = 'resolved' THEN last_activity_at END, NULL, 1,
               assignee, CASE WHEN assignee IS NOT NULL THEN last_activity_at - opened_before / 2 END,
               CASE WHEN status = 'open' THEN last_activity_at END,
               CASE WHEN status = 'open' THEN last_activity_at + target * 0.8 END,
               CASE WHEN status = 'open' THEN last_activity_at + target END
        FROM (
            SELECT e.*,
                   CASE WHEN status = 'open' THEN
                        now() - CASE WHEN r_sla < 0.10 THEN target + interval '14 days' * r_age
                                     WHEN r_sla < 0.25 THEN target * (0.8 + 0.2 * r_age)
                                     ELSE target * 0.8 * r_age END
                        WHEN status = 'pending' THEN now() - interval '30 days' * r_age
                        ELSE now() - interval '730 days' * power(r_age, 1.3) END AS last_activity_at,
                   CASE WHEN r_assign < CASE status WHEN 'open' THEN 0.4 WHEN 'pending' THEN 0.7 ELSE 0.6 END
                        THEN (@staffIds::uuid[])[(@staffStart::int[])[dix] + floor(r_assignee * (@staffCount::int[])[dix])::int] END AS assignee,
                   round((CASE type WHEN 'complaint' THEN -0.2 - 0.7 * r_score WHEN 'praise' THEN 0.3 + 0.6 * r_score
                                    ELSE -0.5 + r_score END)::numeric, 2)::float8 AS score,
                   (phrase || ' ' || filler) AS text
            FROM (
                SELECT d.*,
                       array_position(@departments::text[], department) AS dix,
                       CASE priority WHEN 'urgent' THEN interval '1 hour' WHEN 'high' THEN interval '4 hours'
                                     WHEN 'normal' THEN interval '24 hours' ELSE interval '72 hours' END AS target,
                       (@phrases::text[])[(@phraseStart::int[])[coalesce(array_position(@topicIds::text[], topic), cardinality(@phraseStart::int[]))]
                           + floor(r_phrase * (@phraseCount::int[])[coalesce(array_position(@topicIds::text[], topic), cardinality(@phraseStart::int[]))])::int] AS phrase,
                       (base + CASE WHEN i % 2 = 1 AND i = @conversations THEN 0 WHEN i % 2 = 1 THEN v ELSE -v END)::int AS message_count
                FROM (
                    SELECT d.*,
                           CASE WHEN r_status < 0.70 THEN 'resolved' WHEN r_status < 0.90 THEN 'open' ELSE 'pending' END AS status,
                           (@typeWeighted::text[])[1 + floor(r_type * cardinality(@typeWeighted::text[]))::int] AS type,
                           (@priorityWeighted::text[])[1 + floor(r_priority * cardinality(@priorityWeighted::text[]))::int] AS priority,
                           CASE WHEN t = 0 THEN (@departmentWeighted::text[])[1 + floor(r_department * cardinality(@departmentWeighted::text[]))::int]
                                ELSE (@topicDepartments::text[])[t] END AS department,
                           CASE WHEN t = 0 THEN NULL ELSE (@topicIds::text[])[t] END AS topic,
                           (i * @messages / @conversations) - ((i - 1) * @messages / @conversations) AS base,
                           CASE WHEN @messages / @conversations > 1 THEN (2147483647 & hashint8((i + 1) / 2)) % (@messages / @conversations) ELSE 0 END AS v
                    FROM (
                        SELECT i, k, 1 + floor(random() * (1 + (2147483647 & hashint8(k)) % 3))::int AS j,
                               (@topicWeighted::int[])[1 + floor(random() * cardinality(@topicWeighted::int[]))::int] AS t,
                               random() AS r_status, random() AS r_type, random() AS r_priority, random() AS r_department,
                               random() AS r_age, random() AS r_sla, random() AS r_assign, random() AS r_assignee, random() AS r_score,
                               random() AS r_phrase,
                               interval '1 minute' + interval '3 days' * random() AS opened_before,
                               (SELECT string_agg((@filler::text[])[1 + floor(power(random(), 3) * cardinality(@filler::text[]))::int], ' ')
                                FROM generate_series(1, 3 + (i % 5))) AS filler
                        FROM (SELECT i::bigint, least(@customers, 1 + floor(@customers * power(random(), 1.6)))::int AS k
                              FROM generate_series(@from::int, @to::int) AS i) AS g
                    ) AS d
                ) AS d
            ) AS e
        ) AS f
        """;

    // Message 1 is the conversation's opening (its preview); then customer and staff take turns, the last at the
    // conversation's last activity. Inbound messages carry a classification like the Workers write.
    private const string MessagesSql = """
        INSERT INTO messages (id, conversation_id, channel, external_id, kind, direction, identity_id, author_name, text, url, rating,
            occurred_at, received_at, classification, ingest_event_id)
        SELECT id, conversation_id, channel, 'bench-' || id, kind, CASE WHEN inbound THEN 'inbound' ELSE 'outbound' END,
               CASE WHEN inbound THEN identity_id END, CASE WHEN inbound THEN customer_name ELSE 'Support team' END,
               text, NULL, CASE WHEN channel = 'reviews' AND s = 1 THEN 1 + floor(r_rating * 5)::int END,
               occurred_at, occurred_at + interval '2 seconds',
               CASE WHEN inbound THEN jsonb_build_object(
                   'type', type, 'sentimentScore', sentiment_score, 'sentimentLabel',
                   CASE WHEN sentiment_score < -0.2 THEN 'negative' WHEN sentiment_score > 0.2 THEN 'positive' ELSE 'neutral' END,
                   'topic', topic, 'language', 'en', 'urgency', urgency, 'signals', '[]'::jsonb) END,
               NULL
        FROM (
            SELECT m.*, s % 2 = 1 AS inbound,
                   CASE channel WHEN 'x' THEN 'mention' WHEN 'facebook' THEN 'comment' WHEN 'linkedin' THEN 'comment'
                                WHEN 'reviews' THEN 'review' WHEN 'community' THEN 'post' WHEN 'email' THEN 'email' ELSE 'chat' END AS kind,
                   CASE WHEN message_count = 1 THEN last_activity_at
                        ELSE opened_at + (last_activity_at - opened_at) * ((s - 1)::float8 / (message_count - 1)) END AS occurred_at,
                   greatest(-1, least(1, round((base_score + (r_score - 0.5) * 0.3)::numeric, 2)))::float8 AS sentiment_score,
                   CASE WHEN s = 1 THEN preview
                        WHEN s % 2 = 0 THEN (@replies::text[])[1 + floor(r_phrase * cardinality(@replies::text[]))::int] || ' ' || filler
                        ELSE (@phrases::text[])[(@phraseStart::int[])[coalesce(array_position(@topicIds::text[], topic), cardinality(@phraseStart::int[]))]
                                 + floor(r_phrase * (@phraseCount::int[])[coalesce(array_position(@topicIds::text[], topic), cardinality(@phraseStart::int[]))])::int]
                             || ' ' || filler END
                   || CASE WHEN r_rare < @rareShare THEN ' ' || (@rare::text[])[1 + floor(r_rare / @rareShare * cardinality(@rare::text[]))::int] ELSE '' END AS text
            FROM (
                SELECT gen_random_uuid() AS id, c.id AS conversation_id, c.channel, c.identity_id, c.topic, c.type, c.urgency,
                       c.sentiment_score AS base_score, c.preview, c.opened_at, c.last_activity_at, c.message_count,
                       cu.display_name AS customer_name, s,
                       random() AS r_rating, random() AS r_score, random() AS r_phrase, random() AS r_rare,
                       (SELECT string_agg((@filler::text[])[1 + floor(power(random(), 3) * cardinality(@filler::text[]))::int], ' ')
                        FROM generate_series(1, 4 + (s + c.message_count) % 12)) AS filler
                FROM conversations c
                JOIN customers cu ON cu.id = c.customer_id
                CROSS JOIN LATERAL generate_series(1, c.message_count) AS s
                WHERE c.id >= @lo::uuid AND (c.id < @hi::uuid OR @last)
            ) AS m
        ) AS x
        """;

    // What Conversation.Receive keeps: the customer's messages in order, the newest 20,000 characters.
    private const string SearchTextSql = """
        UPDATE conversations c
        SET search_text = right(m.text, 20000)
        FROM (SELECT conversation_id, string_agg(text, E'\n' ORDER BY occurred_at) AS text
              FROM messages
              WHERE direction = 'inbound' AND conversation_id >= @lo::uuid AND (conversation_id < @hi::uuid OR @last)
              GROUP BY conversation_id) m
        WHERE c.id = m.conversation_id
        """;
}
