using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlanTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssignmentReturnCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReturnCount",
                table: "Assignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Deleted",
                table: "AuditEntries",
                column: "EntityType",
                filter: "\"Action\" = 2");

            // Earlier returns are in the audit trail only: every 退回 set ReturnedAtUtc, and nothing else sets it.
            migrationBuilder.Sql("""
                UPDATE "Assignments" SET "ReturnCount" = (
                    SELECT COUNT(*) FROM "AuditEntries" AS e
                    WHERE e."EntityType" = 'TaskAssignment' AND e."EntityId" = CAST("Assignments"."Id" AS TEXT)
                        AND e."Action" = 1 AND e."After" LIKE '%"ReturnedAtUtc":"%');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_Deleted",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ReturnCount",
                table: "Assignments");
        }
    }
}
