using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlanTracker.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlansAcrossYearsAndLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PreviousTaskId",
                table: "Tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpwardReportText",
                table: "Tasks",
                type: "TEXT",
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

            migrationBuilder.AddColumn<bool>(
                name: "IsUpperPlan",
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

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastUsedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_AspNetUsers_OwnerUserId",
                        column: x => x.OwnerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "IX_Tasks_PreviousTaskId",
                table: "Tasks",
                column: "PreviousTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Plans_PublicKey",
                table: "Plans",
                column: "PublicKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Status_DueDate",
                table: "Assignments",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_OwnerUserId",
                table: "ApiTokens",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_TokenHash",
                table: "ApiTokens",
                column: "TokenHash",
                unique: true);

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

            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "ReceivedFillIns");

            migrationBuilder.DropTable(
                name: "UpperTaskLinks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_PreviousTaskId",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Plans_PublicKey",
                table: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Assignments_Status_DueDate",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "PreviousTaskId",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "UpwardReportText",
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
                name: "IsUpperPlan",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PublicKey",
                table: "Plans");
        }
    }
}
