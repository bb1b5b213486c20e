using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlanTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanSourceTableSplit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
