using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SocialEnterprise.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Listening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conversation_participants",
                columns: table => new
                {
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_participants", x => new { x.conversation_id, x.staff_id, x.reason });
                });

            migrationBuilder.CreateTable(
                name: "conversation_threads",
                columns: table => new
                {
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    thread_key = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_threads", x => new { x.channel, x.thread_key });
                });

            migrationBuilder.CreateTable(
                name: "customer_merges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    moved_identity_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    suggestion_id = table.Column<Guid>(type: "uuid", nullable: true),
                    merged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    merged_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    undone_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    undone_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_merges", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "customers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    tier = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    influence = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    merged_into_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ingest_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    filter_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    filter_rule_id = table.Column<Guid>(type: "uuid", nullable: true),
                    restored_by_staff = table.Column<bool>(type: "boolean", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    message_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingest_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "merge_suggestions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    candidate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_merge_suggestions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "noise_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    pattern = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_noise_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "topics",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    keywords = table.Column<string[]>(type: "text[]", nullable: false),
                    broad_keywords = table.Column<string[]>(type: "text[]", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_topics", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "customer_identities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    handle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    followers = table.Column<int>(type: "integer", nullable: false),
                    name_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    handle_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    evidence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    evidence_detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    consent = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    consent_basis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    consent_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_identities", x => x.id);
                    table.ForeignKey(
                        name: "fk_customer_identities_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    identity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sentiment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sentiment_score = table.Column<double>(type: "double precision", nullable: false),
                    topic = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    urgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    routing_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    preview = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    message_count = table.Column<int>(type: "integer", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    previous_conversation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversations", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversations_customer_identities_identity_id",
                        column: x => x.identity_id,
                        principalTable: "customer_identities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_conversations_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    identity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    rating = table.Column<int>(type: "integer", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    classification = table.Column<string>(type: "jsonb", nullable: true),
                    ingest_event_id = table.Column<Guid>(type: "uuid", nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false)
                        .Annotation("Npgsql:TsVectorConfig", "simple")
                        .Annotation("Npgsql:TsVectorProperties", new[] { "text" })
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_messages_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "noise_rules",
                columns: new[] { "id", "description", "enabled", "kind", "pattern", "updated_at", "updated_by" },
                values: new object[,]
                {
                    { new Guid("00000000-0000-7000-8000-000000000001"), "crypto giveaway", true, "spam-pattern", "\\b(crypto|bitcoin|btc|nft)\\b.{0,40}\\b(giveaway|airdrop|double|profit|invest)", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { new Guid("00000000-0000-7000-8000-000000000002"), "follow-for-follow", true, "spam-pattern", "\\b(follow\\s*(4|for)\\s*follow|f4f|l4l|like\\s*for\\s*like)\\b", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { new Guid("00000000-0000-7000-8000-000000000003"), "get-rich-quick", true, "spam-pattern", "\\b(earn|make)\\s+\\$?\\d[\\d,.]*\\s*(\\$|usd|dollars)?\\s*(a|per|every)\\s+(day|week|hour)", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { new Guid("00000000-0000-7000-8000-000000000004"), "link bait", true, "spam-pattern", "\\b(click|tap)\\s+(here|the\\s+link|link\\s+in\\s+bio)\\b|\\bcheck\\s+my\\s+(bio|profile)\\b|\\bdm\\s+me\\s+for\\b", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { new Guid("00000000-0000-7000-8000-000000000005"), "bought followers", true, "spam-pattern", "\\b(cheap|buy)\\s+(followers|likes|views)\\b", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { new Guid("00000000-0000-7000-8000-000000000006"), "public chatter with nothing to act on", true, "banter", "", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { new Guid("00000000-0000-7000-8000-000000000007"), "legal threats always reach a person", true, "kept-keyword", "lawsuit", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { new Guid("00000000-0000-7000-8000-000000000008"), "security reports always reach a person", true, "kept-keyword", "data breach", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" }
                });

            migrationBuilder.InsertData(
                table: "topics",
                columns: new[] { "key", "broad_keywords", "department", "keywords", "name", "position", "updated_at", "updated_by" },
                values: new object[,]
                {
                    { "account-access", new string[0], "support", new[] { "login", "log in", "logged out", "sign in", "signin", "password", "locked out", "locked", "2fa", "two factor", "verification code", "verification", "verify", "reset password", "reset link", "password reset", "forgot password", "username", "account", "accounts", "hacked", "activation", "passwort", "konto", "anmelden", "einloggen", "mot de passe", "connexion", "compte", "contrasena", "cuenta", "iniciar sesion", "wachtwoord", "inloggen", "accesso", "accedere", "senha", "conta" }, "Account access", 2, new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { "billing", new string[0], "support", new[] { "invoice", "receipt", "charged", "charge", "charged twice", "double charge", "double charged", "billed", "billing", "refund*", "payment", "paid", "pay", "subscription", "credit card", "card", "money back", "overcharged", "direct debit", "paypal", "vat", "cancel my subscription", "billing date", "rechnung", "ruckerstattung", "zahlung", "abo", "abonnement", "abgebucht", "bezahlt", "facture", "remboursement", "rembourser", "paiement", "prelevement", "paye", "factura", "reembolso", "pago", "suscripcion", "cobro", "cobrado", "factuur", "terugbetaling", "betaling", "betaald", "terugstorten", "dubbel betaald", "fattura", "rimborso", "pagamento", "abbonamento", "addebito", "fatura", "assinatura", "cobranca", "cartao", "pagar" }, "Billing and payments", 0, new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { "bug", new string[0], "engineering", new[] { "bug", "crash*", "error", "glitch", "freezes", "freeze", "frozen", "outage", "down again", "went down", "offline", "firmware", "disconnect*", "stuck", "sync", "syncing", "fehler", "absturz", "sturzt ab", "erreur", "plantage", "plante", "bogue", "fallo", "se cuelga", "fout", "storing", "errore", "si blocca", "erro", "travou", "trava" }, "Faults in software and service", 4, new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { "customer-service", new[] { "help", "hilfe", "aide", "ayuda", "hulp", "aiuto", "ajuda" }, "support", new[] { "customer service", "customer support", "support team", "support", "agent", "ticket", "no reply", "no answer", "no response", "replied", "reply", "nobody answers", "nobody replies", "unanswered", "on hold", "call back", "bot", "human", "service", "kundenservice", "kundendienst", "service client", "servicio al cliente", "atencion al cliente", "klantenservice", "assistenza clienti", "atendimento", "suporte" }, "Customer service", 10, new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { "delivery", new string[0], "support", new[] { "delivery", "deliver", "delivered", "shipping", "ship", "shipped", "shipment", "package", "parcel", "tracking", "courier", "arrived", "arrive", "in transit", "dispatched", "postman", "dhl", "ups", "fedex", "ordered", "where is my order", "order is wrong", "wrong order", "wrong item", "return", "returns", "packaging", "shipping address", "delivery driver", "pick up", "pickup", "click and collect", "in store", "lieferung", "versand", "paket", "zustellung", "geliefert", "liefern", "livraison", "livre", "livrez", "colis", "expedition", "suivi", "envio", "pedido", "entrega", "llego", "paquete", "direccion de envio", "levering", "verzending", "pakket", "bezorging", "geleverd", "spedizione", "consegna", "pacco", "arrivato", "corriere", "confezione", "encomenda", "prazo", "chegou", "frete", "correios" }, "Orders and delivery", 1, new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { "feature-request", new string[0], "product", new[] { "feature", "feature request", "featurerequest", "would be great", "would be nice", "would love", "please add", "add an option", "option to", "ability to", "dark mode", "vacation mode", "guest mode", "roadmap", "integration", "integrate", "support for", "please support", "add support", "suggestion", "idea", "would be helpful", "it would be", "it d be", "funktion", "vorschlag", "idee", "ware schon", "fonction", "fonctionnalite", "mode sombre", "ce serait bien", "funcion", "seria genial", "functie", "suggestie", "zou fijn zijn", "funzione", "sarebbe bello", "funcionalidade", "seria otimo", "opcao" }, "Feature requests", 8, new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { "installation", new string[0], "support", new[] { "setup", "set up", "install", "installation", "installing", "pair", "pairing", "connect", "connection", "wifi", "wi fi", "router", "bridge", "manual", "mount", "mounting", "screws", "wiring", "verbindung", "connexion wifi", "conexion", "verbinding", "connessione", "conexao", "instructions", "quick start", "compatible", "compatibility", "works with", "alexa", "google home", "homekit", "dimmer switches", "factory reset", "onboarding", "ethernet", "einrichten", "verbinden", "werkseinstellungen", "zurucksetzen", "kompatibel", "installer", "connecter", "configurer", "configurar", "instalar", "conectar", "compatible", "installatie", "koppelen", "verbindt", "installare", "collegare", "configurare", "compatibile", "router", "compativel" }, "Setting up and connecting", 6, new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { "mobile-app", new string[0], "engineering", new[] { "app", "mobile app", "ios", "android", "iphone", "app store", "play store", "google play", "widget", "app update", "phone", "phones", "screen", "ui", "interface", "menu", "application", "aplicacion", "aplicativo", "applicazione", "applicatie" }, "The mobile app", 12, new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { "partnership", new string[0], "marketing", new[] { "partnership", "partner", "partners", "collab", "collaboration", "influencer", "sponsorship", "sponsor", "campaign", "affiliate", "ambassador", "pr", "press release", "press kit", "journalist", "media kit", "youtube", "instagram", "tiktok", "subscribers", "followers", "expo", "booth", "reseller", "distributor", "co create", "limited edition", "blog", "blogger", "sponsored", "readers", "audience", "creator", "vertriebspartner", "kooperation", "ansprechpartner", "partenariat", "colaboracion", "samenwerking", "collaborazione", "parceria" }, "Partnerships and campaigns", 11, new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { "performance", new string[0], "engineering", new[] { "slow", "slowly", "lag", "laggy", "latency", "takes forever", "loading", "load", "timeout", "timing out", "times out", "sluggish", "seconds", "unresponsive", "rate limit", "smoother", "langsam", "lent", "lenteur", "lento", "lenta", "traag", "demora", "lentissimo" }, "Speed and responsiveness", 5, new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { "pricing", new string[0], "sales", new[] { "price", "prices", "pricing", "cost", "costs", "quote", "plan", "plans", "enterprise", "business plan", "discount", "discount code", "coupon", "promo", "sale", "upgrade", "licence", "license", "volume", "expensive", "overpriced", "cheaper", "pricey", "wholesale", "value for the price", "value for money", "price increase", "student discount", "leasing", "per location", "annual billing", "for the price", "preis", "preise", "teuer", "angebot", "rabatt", "prix", "cher", "devis", "tarif", "remise", "precio", "caro", "descuento", "presupuesto", "calidad precio", "prijs", "duur", "korting", "offerte", "prezzo", "costo", "sconto", "preventivo", "preco", "desconto", "orcamento", "planos", "para empresas" }, "Prices, plans and quotes", 9, new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { "privacy", new string[0], "legal", new[] { "privacy", "gdpr", "personal data", "my data", "delete my data", "delete my account", "data protection", "consent", "data breach", "breach", "third parties", "third party", "location", "cookies", "unsubscribe*", "newsletter", "erasure", "data retention", "what data", "collect data", "data you collect", "share my data", "tracking cookies", "dsgvo", "datenschutz", "personliche daten", "donnees personnelles", "vie privee", "rgpd", "privacidad", "datos personales", "persoonsgegevens", "avg", "dati personali", "privacidade", "dados pessoais", "lgpd" }, "Privacy and personal data", 3, new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" },
                    { "product-quality", new[] { "lamp", "bulb", "light bulb", "night light", "strip lights", "floor lamp", "desk lamp", "ceiling light", "product", "lampe", "gluhbirne", "ampoule", "lampara", "bombilla", "lampje*", "lampada", "lampadina", "produkt", "produit", "producto", "prodotto", "produto" }, "product", new[] { "quality", "build quality", "material", "plastic", "battery", "design", "flimsy", "cheap", "sturdy", "colour", "color", "brightness", "flicker*", "dead", "died", "stopped working", "faulty", "defective", "broken", "cracked", "overheating", "hot", "smoking", "sparked", "burn*", "charger", "fan", "noise", "noisy", "adhesive", "durable", "finish", "matte", "sensor", "sensors", "scratch*", "wobbl*", "glass", "qualitat", "material", "akku", "verarbeitung", "defekt", "qualite", "materiau", "batterie", "defectueux", "s allume", "calidad", "bateria", "defectuoso", "roto", "rota", "kwaliteit", "materiaal", "batterij", "kapot", "qualita", "materiale", "batteria", "difettoso", "qualidade", "defeito", "acende", "quebrado" }, "Product quality and design", 7, new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversation_participants_staff_id",
                table: "conversation_participants",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversation_threads_conversation_id",
                table: "conversation_threads",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_customer_id",
                table: "conversations",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_department_last_activity_at",
                table: "conversations",
                columns: new[] { "department", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_identity_id",
                table: "conversations",
                column: "identity_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_last_activity_at",
                table: "conversations",
                column: "last_activity_at");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_status_last_activity_at",
                table: "conversations",
                columns: new[] { "status", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_identities_channel_handle",
                table: "customer_identities",
                columns: new[] { "channel", "handle" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customer_identities_customer_id",
                table: "customer_identities",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_identities_email",
                table: "customer_identities",
                column: "email",
                filter: "email IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_customer_identities_handle_key",
                table: "customer_identities",
                column: "handle_key");

            migrationBuilder.CreateIndex(
                name: "ix_customer_identities_name_key",
                table: "customer_identities",
                column: "name_key");

            migrationBuilder.CreateIndex(
                name: "ix_customer_merges_merged_at",
                table: "customer_merges",
                column: "merged_at");

            migrationBuilder.CreateIndex(
                name: "ix_customer_merges_source_id",
                table: "customer_merges",
                column: "source_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_merges_target_id",
                table: "customer_merges",
                column: "target_id");

            migrationBuilder.CreateIndex(
                name: "ix_customers_merged_into_id",
                table: "customers",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_ingest_events_channel_external_id",
                table: "ingest_events",
                columns: new[] { "channel", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ingest_events_status_received_at",
                table: "ingest_events",
                columns: new[] { "status", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ingest_events_waiting",
                table: "ingest_events",
                columns: new[] { "next_attempt_at", "received_at" },
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_merge_suggestions_candidate_id",
                table: "merge_suggestions",
                column: "candidate_id");

            migrationBuilder.CreateIndex(
                name: "ix_merge_suggestions_customer_id_candidate_id",
                table: "merge_suggestions",
                columns: new[] { "customer_id", "candidate_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_merge_suggestions_status_created_at",
                table: "merge_suggestions",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_channel_external_id",
                table: "messages",
                columns: new[] { "channel", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_messages_conversation_id_occurred_at",
                table: "messages",
                columns: new[] { "conversation_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_messages_search_vector",
                table: "messages",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            // Workers wake on new events, and on events put back in the queue (a restore or a replay).
            migrationBuilder.Sql("""
                CREATE TRIGGER ingest_events_notify AFTER INSERT ON ingest_events
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('ingest_events');
                CREATE TRIGGER ingest_events_requeued_notify AFTER UPDATE OF status ON ingest_events
                    FOR EACH ROW WHEN (NEW.status = 'Pending' AND OLD.status <> 'Pending')
                    EXECUTE FUNCTION notify_channel('ingest_events');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER ingest_events_requeued_notify ON ingest_events;
                DROP TRIGGER ingest_events_notify ON ingest_events;
                """);

            migrationBuilder.DropTable(
                name: "conversation_participants");

            migrationBuilder.DropTable(
                name: "conversation_threads");

            migrationBuilder.DropTable(
                name: "customer_merges");

            migrationBuilder.DropTable(
                name: "ingest_events");

            migrationBuilder.DropTable(
                name: "merge_suggestions");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "noise_rules");

            migrationBuilder.DropTable(
                name: "topics");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropTable(
                name: "customer_identities");

            migrationBuilder.DropTable(
                name: "customers");
        }
    }
}
