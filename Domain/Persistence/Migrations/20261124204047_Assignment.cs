using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialEnterprise.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Assignment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "availability",
                table: "staff_users",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "offline");

            migrationBuilder.AddColumn<int>(
                name: "capacity",
                table: "staff_users",
                type: "integer",
                nullable: false,
                defaultValue: 8);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_assigned_at",
                table: "staff_users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "skills",
                table: "staff_users",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<string>(
                name: "assignment_strategy",
                table: "departments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "round-robin");

            migrationBuilder.AddColumn<Guid>(
                name: "last_assignee_id",
                table: "departments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "queued_at",
                table: "conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "departments",
                keyColumn: "id",
                keyValue: "engineering",
                columns: new[] { "assignment_strategy", "last_assignee_id" },
                values: new object[] { "least-load", null });

            migrationBuilder.UpdateData(
                table: "departments",
                keyColumn: "id",
                keyValue: "legal",
                columns: new[] { "assignment_strategy", "last_assignee_id" },
                values: new object[] { "manual", null });

            migrationBuilder.UpdateData(
                table: "departments",
                keyColumn: "id",
                keyValue: "marketing",
                columns: new[] { "assignment_strategy", "last_assignee_id" },
                values: new object[] { "least-load", null });

            migrationBuilder.UpdateData(
                table: "departments",
                keyColumn: "id",
                keyValue: "product",
                columns: new[] { "assignment_strategy", "last_assignee_id" },
                values: new object[] { "least-load", null });

            migrationBuilder.UpdateData(
                table: "departments",
                keyColumn: "id",
                keyValue: "sales",
                columns: new[] { "assignment_strategy", "last_assignee_id" },
                values: new object[] { "round-robin", null });

            migrationBuilder.UpdateData(
                table: "departments",
                keyColumn: "id",
                keyValue: "support",
                columns: new[] { "assignment_strategy", "last_assignee_id" },
                values: new object[] { "round-robin", null });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_department_queued_at",
                table: "conversations",
                columns: new[] { "department", "queued_at" },
                filter: "queued_at IS NOT NULL AND assignee_id IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_conversations_department_queued_at",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "availability",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "capacity",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "last_assigned_at",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "skills",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "assignment_strategy",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "last_assignee_id",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "queued_at",
                table: "conversations");
        }
    }
}
