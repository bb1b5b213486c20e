using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlanTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardWeightsAndReportIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_AssignmentId_ReportedAtUtc",
                table: "ProgressReports");

            migrationBuilder.CreateTable(
                name: "AssessmentWeights",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportsOnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    OverduePenalty = table.Column<int>(type: "INTEGER", nullable: false),
                    ReturnedPenalty = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentWeights", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_AssignmentId_ReportedAtUtc_ReturnedAtUtc",
                table: "ProgressReports",
                columns: new[] { "AssignmentId", "ReportedAtUtc", "ReturnedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentWeights");

            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_AssignmentId_ReportedAtUtc_ReturnedAtUtc",
                table: "ProgressReports");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_AssignmentId_ReportedAtUtc",
                table: "ProgressReports",
                columns: new[] { "AssignmentId", "ReportedAtUtc" });
        }
    }
}
