using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlanTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitNoticeDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DigestDay",
                table: "UnitNotices",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "UnitNotices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_UnitNotices_Kind_DigestDay",
                table: "UnitNotices",
                columns: new[] { "Kind", "DigestDay" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UnitNotices_Kind_DigestDay",
                table: "UnitNotices");

            migrationBuilder.DropColumn(
                name: "DigestDay",
                table: "UnitNotices");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "UnitNotices");
        }
    }
}
