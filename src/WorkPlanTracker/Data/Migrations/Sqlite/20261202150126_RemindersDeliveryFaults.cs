using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlanTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RemindersDeliveryFaults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttemptLog",
                table: "ReminderDeliveries",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "AttemptsBeforeResend",
                table: "ReminderDeliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PartsSent",
                table: "ReminderDeliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ReminderPlannedDays",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderPlannedDays", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "ReminderSentItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientKey = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AssignmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FiredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DigestDay = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderSentItems", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSentItems_DigestDay_RecipientKey",
                table: "ReminderSentItems",
                columns: new[] { "DigestDay", "RecipientKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSentItems_RecipientKey_AssignmentId_Kind_ItemDate_FiredOn",
                table: "ReminderSentItems",
                columns: new[] { "RecipientKey", "AssignmentId", "Kind", "ItemDate", "FiredOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReminderPlannedDays");

            migrationBuilder.DropTable(
                name: "ReminderSentItems");

            migrationBuilder.DropColumn(
                name: "AttemptLog",
                table: "ReminderDeliveries");

            migrationBuilder.DropColumn(
                name: "AttemptsBeforeResend",
                table: "ReminderDeliveries");

            migrationBuilder.DropColumn(
                name: "PartsSent",
                table: "ReminderDeliveries");
        }
    }
}
