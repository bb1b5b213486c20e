using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlanTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardWeightsAndReportDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_AssignmentId_ReportedAtUtc",
                table: "ProgressReports");

            migrationBuilder.AddColumn<int>(
                name: "ReportedDayOfMonth",
                table: "ProgressReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Reports made before the column existed get their China day of month (UTC+8) from the stored instant.
            migrationBuilder.Sql("UPDATE \"ProgressReports\" SET \"ReportedDayOfMonth\" = CAST(strftime('%d', \"ReportedAtUtc\", '+8 hours') AS INTEGER);");

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
                name: "IX_ProgressReports_AssignmentId_ReportedAtUtc_ReturnedAtUtc_ReportedDayOfMonth",
                table: "ProgressReports",
                columns: new[] { "AssignmentId", "ReportedAtUtc", "ReturnedAtUtc", "ReportedDayOfMonth" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentWeights");

            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_AssignmentId_ReportedAtUtc_ReturnedAtUtc_ReportedDayOfMonth",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "ReportedDayOfMonth",
                table: "ProgressReports");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_AssignmentId_ReportedAtUtc",
                table: "ProgressReports",
                columns: new[] { "AssignmentId", "ReportedAtUtc" });
        }
    }
}
