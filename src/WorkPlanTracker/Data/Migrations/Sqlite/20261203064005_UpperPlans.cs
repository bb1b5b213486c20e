using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlanTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UpperPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "UpwardReportText",
                table: "Tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsUpperPlan",
                table: "Plans",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ReceivedFillIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceivedFillIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceivedFillIns_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UpperTaskLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UpperTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LinkedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UpperTaskLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UpperTaskLinks_Tasks_OwnTaskId",
                        column: x => x.OwnTaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UpperTaskLinks_Tasks_UpperTaskId",
                        column: x => x.UpperTaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedFillIns_PlanId",
                table: "ReceivedFillIns",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UpperTaskLinks_OwnTaskId",
                table: "UpperTaskLinks",
                column: "OwnTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_UpperTaskLinks_UpperTaskId_OwnTaskId",
                table: "UpperTaskLinks",
                columns: new[] { "UpperTaskId", "OwnTaskId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReceivedFillIns");

            migrationBuilder.DropTable(
                name: "UpperTaskLinks");

            migrationBuilder.DropColumn(
                name: "UpwardReportText",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "IsUpperPlan",
                table: "Plans");
        }
    }
}
