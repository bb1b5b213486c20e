using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlanTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicProgressPage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublicSummary",
                table: "ProgressReports",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PublicSummaryApprovedAtUtc",
                table: "ProgressReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsPublic",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PublicKey",
                table: "Plans",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_PublicKey",
                table: "Plans",
                column: "PublicKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Plans_PublicKey",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PublicSummary",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "PublicSummaryApprovedAtUtc",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "IsPublic",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PublicKey",
                table: "Plans");
        }
    }
}
