using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlanTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskYearRollover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PreviousTaskId",
                table: "Tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "YearEndAtUtc",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "YearEndNote",
                table: "Tasks",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "YearEndOutcome",
                table: "Tasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PreviousTaskId",
                table: "Tasks",
                column: "PreviousTaskId");

            migrationBuilder.AddForeignKey(
                name: "FK_Tasks_Tasks_PreviousTaskId",
                table: "Tasks",
                column: "PreviousTaskId",
                principalTable: "Tasks",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tasks_Tasks_PreviousTaskId",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_PreviousTaskId",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "PreviousTaskId",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "YearEndAtUtc",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "YearEndNote",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "YearEndOutcome",
                table: "Tasks");
        }
    }
}
