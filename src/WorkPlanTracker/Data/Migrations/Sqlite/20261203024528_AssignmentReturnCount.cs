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

            migrationBuilder.Sql(ReturnCountBackfill.Sql);
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
