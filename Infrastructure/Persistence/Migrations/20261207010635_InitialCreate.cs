using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;
using SocialEnterprise.Contracts.Events;
using SocialEnterprise.Domain.ServiceLevels;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace SocialEnterprise.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hint = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    scopes = table.Column<string[]>(type: "text[]", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    actor_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    target = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "canned_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    shortcut = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_canned_responses", x => x.id);
                });

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
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "departments",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    assignment_strategy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_assignee_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_departments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "event_log",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    stream_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_log", x => x.sequence);
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
                    shard = table.Column<int>(type: "integer", nullable: false),
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
                    message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    trace_parent = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: true)
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
                name: "pipeline_probes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pipeline_probes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "routing_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    conditions = table.Column<string>(type: "jsonb", nullable: false),
                    actions = table.Column<string>(type: "jsonb", nullable: false),
                    stop_after_match = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    trigger = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, defaultValue: "conversation-opened")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routing_rules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_heartbeats",
                columns: table => new
                {
                    service = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    instance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_heartbeats", x => new { x.service, x.instance });
                });

            migrationBuilder.CreateTable(
                name: "sla_calendars",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hours = table.Column<string>(type: "jsonb", nullable: false),
                    holidays = table.Column<string>(type: "jsonb", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_calendars", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "staff_roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    availability = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_users", x => x.id);
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
                name: "sla_policies",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    calendar = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    targets = table.Column<string>(type: "jsonb", nullable: false),
                    olas = table.Column<string>(type: "jsonb", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_policies", x => x.name);
                    table.ForeignKey(
                        name: "fk_sla_policies_sla_calendars_calendar",
                        column: x => x.calendar,
                        principalTable: "sla_calendars",
                        principalColumn: "name",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_role_claims_staff_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "staff_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "department_memberships",
                columns: table => new
                {
                    staff_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    department_id = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_department_memberships", x => new { x.staff_user_id, x.department_id });
                    table.ForeignKey(
                        name: "fk_department_memberships_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_department_memberships_users_staff_user_id",
                        column: x => x.staff_user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "saved_inbox_views",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    query = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_inbox_views", x => x.id);
                    table.ForeignKey(
                        name: "fk_saved_inbox_views_asp_net_users_staff_id",
                        column: x => x.staff_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_notifications_asp_net_users_recipient_id",
                        column: x => x.recipient_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_user_claims_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_staff_user_logins_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_staff_user_roles_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_staff_user_roles_staff_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "staff_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "staff_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_staff_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                    routing_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    preview = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    message_count = table.Column<int>(type: "integer", nullable: false),
                    search_text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false, defaultValue: ""),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    previous_conversation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    thread_version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    first_replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_replied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    assignee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    response_clock_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    response_warn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    response_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sla_policy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'"),
                    routing_rule_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false, defaultValueSql: "'{}'"),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true)
                        .Annotation("Npgsql:TsVectorConfig", "simple")
                        .Annotation("Npgsql:TsVectorProperties", new[] { "search_text" })
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversations", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversations_asp_net_users_assignee_id",
                        column: x => x.assignee_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
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
                name: "consults",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requester_department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    target_department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    requested_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    needed_by = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    warn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    accepted_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answered_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answer_note_id = table.Column<Guid>(type: "uuid", nullable: true),
                    declined_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    declined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consults", x => x.id);
                    table.ForeignKey(
                        name: "fk_consults_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conversation_engagements",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_id = table.Column<Guid>(type: "uuid", nullable: false),
                    staff_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    detail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_engagements", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversation_engagements_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conversation_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    author_department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    consult_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversation_notes_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
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
                    thread_version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
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

            migrationBuilder.CreateTable(
                name: "replies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    in_reply_to_message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    based_on_version = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approval_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reviewed_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reviewed_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    queued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    thread_version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_replies", x => x.id);
                    table.ForeignKey(
                        name: "fk_replies_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reply_drafts",
                columns: table => new
                {
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    visibility = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    updated_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_by_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    returned_because = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reply_drafts", x => x.conversation_id);
                    table.ForeignKey(
                        name: "fk_reply_drafts_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_level_clocks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consult_id = table.Column<Guid>(type: "uuid", nullable: true),
                    metric = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    assignee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    policy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    target = table.Column<TimeSpan>(type: "interval", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paused_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    elapsed = table.Column<TimeSpan>(type: "interval", nullable: false),
                    warn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    predicted_breach_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    warned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    predicted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    breached_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    stopped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    resumed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_level_clocks", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_level_clocks_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "csat_surveys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    department = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    assignee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    priority = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reply_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: true),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_csat_surveys", x => x.id);
                    table.ForeignKey(
                        name: "fk_csat_surveys_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_csat_surveys_replies_reply_id",
                        column: x => x.reply_id,
                        principalTable: "replies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "departments",
                columns: new[] { "id", "assignment_strategy", "last_assignee_id", "name" },
                values: new object[,]
                {
                    { "engineering", "least-load", null, "Engineering" },
                    { "legal", "manual", null, "Legal" },
                    { "marketing", "least-load", null, "Marketing" },
                    { "product", "least-load", null, "Product" },
                    { "sales", "round-robin", null, "Sales" },
                    { "support", "round-robin", null, "Support" }
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
                name: "ix_api_keys_hash",
                table: "api_keys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_action_occurred_at",
                table: "audit_log",
                columns: new[] { "action", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_actor_occurred_at",
                table: "audit_log",
                columns: new[] { "actor", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_occurred_at",
                table: "audit_log",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_canned_responses_department",
                table: "canned_responses",
                column: "department");

            migrationBuilder.CreateIndex(
                name: "ix_canned_responses_shortcut",
                table: "canned_responses",
                column: "shortcut",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consults_answered_by_id",
                table: "consults",
                column: "answered_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_consults_conversation_id_requested_at",
                table: "consults",
                columns: new[] { "conversation_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_consults_target_department_conversation_id",
                table: "consults",
                columns: new[] { "target_department", "conversation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_consults_target_department_state_due_at",
                table: "consults",
                columns: new[] { "target_department", "state", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversation_engagements_conversation_id_at",
                table: "conversation_engagements",
                columns: new[] { "conversation_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversation_notes_conversation_id_written_at",
                table: "conversation_notes",
                columns: new[] { "conversation_id", "written_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversation_participants_staff_id",
                table: "conversation_participants",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversation_threads_conversation_id",
                table: "conversation_threads",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_assignee_id_status_last_activity_at",
                table: "conversations",
                columns: new[] { "assignee_id", "status", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_channel_type_last_activity_at",
                table: "conversations",
                columns: new[] { "channel", "type", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_customer_id",
                table: "conversations",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_department_queued_at",
                table: "conversations",
                columns: new[] { "department", "queued_at" },
                filter: "queued_at IS NOT NULL AND assignee_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_department_status_last_activity_at",
                table: "conversations",
                columns: new[] { "department", "status", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_identity_id",
                table: "conversations",
                column: "identity_id");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_last_activity_at_id",
                table: "conversations",
                columns: new[] { "last_activity_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_opened_at",
                table: "conversations",
                column: "opened_at");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_priority_status_last_activity_at",
                table: "conversations",
                columns: new[] { "priority", "status", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_response_due_at_id",
                table: "conversations",
                columns: new[] { "response_due_at", "id" },
                filter: "response_due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_conversations_response_warn_at",
                table: "conversations",
                column: "response_warn_at",
                filter: "response_due_at IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "response_due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_search_vector",
                table: "conversations",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.CreateIndex(
                name: "ix_conversations_status_last_activity_at",
                table: "conversations",
                columns: new[] { "status", "last_activity_at" });

            migrationBuilder.CreateIndex(
                name: "ix_csat_surveys_conversation_id",
                table: "csat_surveys",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_csat_surveys_reply_id",
                table: "csat_surveys",
                column: "reply_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_csat_surveys_sent_at",
                table: "csat_surveys",
                column: "sent_at");

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
                name: "ix_department_memberships_department_id",
                table: "department_memberships",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_log_stream_id",
                table: "event_log",
                column: "stream_id");

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
                filter: "status = 'pending'");

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
                name: "ix_pipeline_probes_waiting",
                table: "pipeline_probes",
                column: "requested_at",
                filter: "status = 'requested'");

            migrationBuilder.CreateIndex(
                name: "ix_replies_awaiting_approval",
                table: "replies",
                columns: new[] { "department", "created_at" },
                filter: "state = 'awaiting-approval'");

            migrationBuilder.CreateIndex(
                name: "ix_replies_channel_external_id",
                table: "replies",
                columns: new[] { "channel", "external_id" },
                filter: "external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_replies_conversation_id_created_at",
                table: "replies",
                columns: new[] { "conversation_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_replies_outbound_queue",
                table: "replies",
                column: "next_attempt_at",
                filter: "next_attempt_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_routing_rules_position",
                table: "routing_rules",
                column: "position");

            migrationBuilder.CreateIndex(
                name: "ix_saved_inbox_views_staff_id_name",
                table: "saved_inbox_views",
                columns: new[] { "staff_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_level_clocks_breached_at_reported",
                table: "service_level_clocks",
                column: "breached_at",
                filter: "breached_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_service_level_clocks_consult_id",
                table: "service_level_clocks",
                column: "consult_id",
                filter: "consult_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_service_level_clocks_conversation_id_metric",
                table: "service_level_clocks",
                columns: new[] { "conversation_id", "metric" });

            migrationBuilder.CreateIndex(
                name: "ix_service_level_clocks_pending_moments",
                table: "service_level_clocks",
                column: "due_at",
                filter: "stopped_at IS NULL AND breached_at IS NULL AND due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_service_level_clocks_started_at_metric",
                table: "service_level_clocks",
                columns: new[] { "started_at", "metric" });

            migrationBuilder.CreateIndex(
                name: "ix_service_level_clocks_stopped_at_breached",
                table: "service_level_clocks",
                column: "stopped_at",
                filter: "outcome = 'breached' AND breached_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sla_policies_calendar",
                table: "sla_policies",
                column: "calendar");

            migrationBuilder.CreateIndex(
                name: "ix_staff_notifications_recipient_id_created_at",
                table: "staff_notifications",
                columns: new[] { "recipient_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_notifications_unread",
                table: "staff_notifications",
                column: "recipient_id",
                filter: "read_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_staff_role_claims_role_id",
                table: "staff_role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "staff_roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_user_claims_user_id",
                table: "staff_user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_user_logins_user_id",
                table: "staff_user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_user_roles_role_id",
                table: "staff_user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "staff_users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "staff_users",
                column: "normalized_user_name",
                unique: true);

            // The calendars and policies every workspace starts with.
            foreach (var calendar in SlaDefaults.Calendars())
            {
                migrationBuilder.InsertData(
                    table: "sla_calendars",
                    columns: ["name", "time_zone", "hours", "holidays", "changed_at", "changed_by"],
                    columnTypes: ["character varying(40)", "character varying(64)", "jsonb", "jsonb", "timestamp with time zone", "character varying(256)"],
                    values: new object[]
                    {
                        calendar.Name, calendar.TimeZone, JsonSerializer.Serialize(calendar.Hours, EventTypes.SerializerOptions),
                        JsonSerializer.Serialize(calendar.Holidays, EventTypes.SerializerOptions), calendar.ChangedAt, calendar.ChangedBy,
                    });
            }

            foreach (var policy in SlaDefaults.Policies())
            {
                migrationBuilder.InsertData(
                    table: "sla_policies",
                    columns: ["name", "description", "calendar", "targets", "olas", "changed_at", "changed_by"],
                    columnTypes: ["character varying(40)", "character varying(300)", "character varying(40)", "jsonb", "jsonb", "timestamp with time zone", "character varying(256)"],
                    values: new object[]
                    {
                        policy.Name, policy.Description, policy.Calendar, JsonSerializer.Serialize(policy.Targets, EventTypes.SerializerOptions),
                        JsonSerializer.Serialize(policy.Olas, EventTypes.SerializerOptions), policy.ChangedAt, policy.ChangedBy,
                    });
            }

            // Written by hand below: what the model cannot express.
            // Event log order = commit order: every writer takes one transaction-scoped lock before its rows get
            // their sequence numbers (identity defaults are evaluated after BEFORE STATEMENT triggers), so a reader
            // that has seen sequence N never later finds a newly committed entry below N.
            migrationBuilder.Sql("""
                CREATE FUNCTION event_log_serialize_writers() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(hashtext('event_log'));
                    RETURN NULL;
                END $$;

                CREATE TRIGGER event_log_serialize_writers BEFORE INSERT ON event_log
                    FOR EACH STATEMENT EXECUTE FUNCTION event_log_serialize_writers();
                """);

            // Workers listen instead of polling: new log entries, probes, events (and events put back in the queue by a
            // restore or a replay), and replies joining the outbound queue (written queued, approved or retried; the
            // worker's own lease, an update of next_attempt_at only, raises nothing).
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_channel() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify(TG_ARGV[0], '');
                    RETURN NULL;
                END $$;

                CREATE TRIGGER event_log_notify AFTER INSERT ON event_log
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('event_log');
                CREATE TRIGGER pipeline_probes_notify AFTER INSERT ON pipeline_probes
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('pipeline_probes');
                CREATE TRIGGER ingest_events_notify AFTER INSERT ON ingest_events
                    FOR EACH STATEMENT EXECUTE FUNCTION notify_channel('ingest_events');
                CREATE TRIGGER ingest_events_requeued_notify AFTER UPDATE OF status ON ingest_events
                    FOR EACH ROW WHEN (NEW.status = 'pending' AND OLD.status <> 'pending')
                    EXECUTE FUNCTION notify_channel('ingest_events');
                CREATE TRIGGER replies_queued_notify AFTER INSERT OR UPDATE OF state ON replies
                    FOR EACH ROW WHEN (NEW.state = 'queued')
                    EXECUTE FUNCTION notify_channel('replies');
                """);

            // The clock scheduler hears of every clock whose moments change, in the transaction that changes them.
            migrationBuilder.Sql("""
                CREATE FUNCTION service_level_clocks_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('service_level_clocks', NEW.id::text);
                    RETURN NULL;
                END $$;

                CREATE TRIGGER service_level_clocks_notify_insert AFTER INSERT ON service_level_clocks
                    FOR EACH ROW EXECUTE FUNCTION service_level_clocks_notify();
                CREATE TRIGGER service_level_clocks_notify_update AFTER UPDATE OF warn_at, due_at, predicted_breach_at, stopped_at, paused_at ON service_level_clocks
                    FOR EACH ROW EXECUTE FUNCTION service_level_clocks_notify();
                """);

            // What was recorded cannot be rewritten or erased.
            migrationBuilder.Sql("""
                CREATE FUNCTION reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
                END $$;

                CREATE TRIGGER event_log_append_only BEFORE UPDATE OR DELETE ON event_log
                    FOR EACH STATEMENT EXECUTE FUNCTION reject_change();
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                    FOR EACH STATEMENT EXECUTE FUNCTION reject_change();
                """);

            // Words are unevenly common: finer statistics let the planner tell a rare word (read the index first) from a
            // common one (walk the newest conversations and check each).
            migrationBuilder.Sql("ALTER TABLE conversations ALTER COLUMN search_vector SET STATISTICS 1000;");

            // Inbox queries are short and many; compiling them with JIT costs more (80 to 180 ms measured on a million
            // conversations) than it ever saves.
            migrationBuilder.Sql("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET jit = off', current_database()); END $$;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$ BEGIN EXECUTE format('ALTER DATABASE %I RESET jit', current_database()); END $$;
                DROP TRIGGER audit_log_append_only ON audit_log;
                DROP TRIGGER event_log_append_only ON event_log;
                DROP FUNCTION reject_change();
                DROP TRIGGER service_level_clocks_notify_update ON service_level_clocks;
                DROP TRIGGER service_level_clocks_notify_insert ON service_level_clocks;
                DROP FUNCTION service_level_clocks_notify();
                DROP TRIGGER replies_queued_notify ON replies;
                DROP TRIGGER ingest_events_requeued_notify ON ingest_events;
                DROP TRIGGER ingest_events_notify ON ingest_events;
                DROP TRIGGER pipeline_probes_notify ON pipeline_probes;
                DROP TRIGGER event_log_notify ON event_log;
                DROP FUNCTION notify_channel();
                DROP TRIGGER event_log_serialize_writers ON event_log;
                DROP FUNCTION event_log_serialize_writers();
                """);

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "canned_responses");

            migrationBuilder.DropTable(
                name: "consults");

            migrationBuilder.DropTable(
                name: "conversation_engagements");

            migrationBuilder.DropTable(
                name: "conversation_notes");

            migrationBuilder.DropTable(
                name: "conversation_participants");

            migrationBuilder.DropTable(
                name: "conversation_threads");

            migrationBuilder.DropTable(
                name: "csat_surveys");

            migrationBuilder.DropTable(
                name: "customer_merges");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "department_memberships");

            migrationBuilder.DropTable(
                name: "event_log");

            migrationBuilder.DropTable(
                name: "ingest_events");

            migrationBuilder.DropTable(
                name: "merge_suggestions");

            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropTable(
                name: "noise_rules");

            migrationBuilder.DropTable(
                name: "pipeline_probes");

            migrationBuilder.DropTable(
                name: "reply_drafts");

            migrationBuilder.DropTable(
                name: "routing_rules");

            migrationBuilder.DropTable(
                name: "saved_inbox_views");

            migrationBuilder.DropTable(
                name: "service_heartbeats");

            migrationBuilder.DropTable(
                name: "service_level_clocks");

            migrationBuilder.DropTable(
                name: "sla_policies");

            migrationBuilder.DropTable(
                name: "staff_notifications");

            migrationBuilder.DropTable(
                name: "staff_role_claims");

            migrationBuilder.DropTable(
                name: "staff_user_claims");

            migrationBuilder.DropTable(
                name: "staff_user_logins");

            migrationBuilder.DropTable(
                name: "staff_user_roles");

            migrationBuilder.DropTable(
                name: "staff_user_tokens");

            migrationBuilder.DropTable(
                name: "topics");

            migrationBuilder.DropTable(
                name: "replies");

            migrationBuilder.DropTable(
                name: "departments");

            migrationBuilder.DropTable(
                name: "sla_calendars");

            migrationBuilder.DropTable(
                name: "staff_roles");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropTable(
                name: "staff_users");

            migrationBuilder.DropTable(
                name: "customer_identities");

            migrationBuilder.DropTable(
                name: "customers");
        }
    }
}
