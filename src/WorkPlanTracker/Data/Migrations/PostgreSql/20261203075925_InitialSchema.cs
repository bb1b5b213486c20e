using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WorkPlanTracker.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentWeights",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Closed = table.Column<int>(type: "integer", nullable: false),
                    ClosedOnTime = table.Column<int>(type: "integer", nullable: false),
                    ReportsOnTime = table.Column<int>(type: "integer", nullable: false),
                    OverduePenalty = table.Column<int>(type: "integer", nullable: false),
                    ReturnedPenalty = table.Column<int>(type: "integer", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ChangedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentWeights", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    EntityType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    EntityId = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    Before = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    After = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Xml = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PersonalNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    Link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalNotices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    Issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SourceFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true, collation: "C"),
                    SourceText = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ImportSnapshot = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ReportingCycleKind = table.Column<int>(type: "integer", nullable: false),
                    ReportingDay = table.Column<int>(type: "integer", nullable: true),
                    PublicKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C"),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    IsUpperPlan = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecipientKey = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true, collation: "C"),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    WebhookKind = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    ItemsJson = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ItemCount = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    LastAttemptAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    AttemptsBeforeResend = table.Column<int>(type: "integer", nullable: false),
                    PartsSent = table.Column<int>(type: "integer", nullable: false),
                    AttemptLog = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderPlannedDays",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderPlannedDays", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "ReminderSentItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecipientKey = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    AssignmentId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ItemDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FiredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DigestDay = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderSentItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    LadderDays = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    RemindOnDueDay = table.Column<bool>(type: "boolean", nullable: false),
                    OverdueRepeatDays = table.Column<int>(type: "integer", nullable: false),
                    EscalateAfterDays = table.Column<int>(type: "integer", nullable: false),
                    ReportRemindDaysBefore = table.Column<int>(type: "integer", nullable: false),
                    ReportChaseAfterDays = table.Column<int>(type: "integer", nullable: false),
                    UnacknowledgedAfterDays = table.Column<int>(type: "integer", nullable: false),
                    SkipHolidays = table.Column<bool>(type: "boolean", nullable: false),
                    CountWorkingDays = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Units",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Aliases = table.Column<List<string>>(type: "text[]", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Units_Units_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    LastUsedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
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
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProviderKey = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Value = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReceivedFillIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false, collation: "C"),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ReceivedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C")
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
                name: "Sections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Path = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sections_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Sections_Sections_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    RowCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerImports_Units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true, collation: "C"),
                    Channels = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    WebhookUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    WebhookKind = table.Column<int>(type: "integer", nullable: false),
                    LeaderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    LeaderEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderContacts_Units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnitGroupMembers",
                columns: table => new
                {
                    GroupsId = table.Column<int>(type: "integer", nullable: false),
                    MembersId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitGroupMembers", x => new { x.GroupsId, x.MembersId });
                    table.ForeignKey(
                        name: "FK_UnitGroupMembers_UnitGroups_GroupsId",
                        column: x => x.GroupsId,
                        principalTable: "UnitGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnitGroupMembers_Units_MembersId",
                        column: x => x.MembersId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UnitNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DigestDay = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitNotices_Units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserUnits",
                columns: table => new
                {
                    AppUserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    UnitsId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserUnits", x => new { x.AppUserId, x.UnitsId });
                    table.ForeignKey(
                        name: "FK_UserUnits_AspNetUsers_AppUserId",
                        column: x => x.AppUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UserUnits_Units_UnitsId",
                        column: x => x.UnitsId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Tasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: true),
                    Path = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "C"),
                    Text = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    DeadlineText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    Ongoing = table.Column<bool>(type: "boolean", nullable: false),
                    ReportingCycleKind = table.Column<int>(type: "integer", nullable: true),
                    ReportingDay = table.Column<int>(type: "integer", nullable: true),
                    UpwardReportText = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ParentTaskId = table.Column<int>(type: "integer", nullable: true),
                    PreviousTaskId = table.Column<int>(type: "integer", nullable: true),
                    YearEndOutcome = table.Column<int>(type: "integer", nullable: false),
                    YearEndNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    YearEndAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Milestones = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tasks_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Tasks_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_Tasks_ParentTaskId",
                        column: x => x.ParentTaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Tasks_Tasks_PreviousTaskId",
                        column: x => x.PreviousTaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "NoticeReadMarks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false, collation: "C"),
                    UnitNoticeId = table.Column<long>(type: "bigint", nullable: false),
                    ReadAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeReadMarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NoticeReadMarks_UnitNotices_UnitNoticeId",
                        column: x => x.UnitNoticeId,
                        principalTable: "UnitNotices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Assignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AssignedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OriginalDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CompletionRequestedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CompletionSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true, collation: "C"),
                    ClosedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    ReturnedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReturnCount = table.Column<int>(type: "integer", nullable: false),
                    ExtensionRefusalReason = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ExtensionRefusedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    StatusBeforeExtension = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assignments_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Assignments_Units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskParties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    NameAsWritten = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: true),
                    UnitGroupId = table.Column<int>(type: "integer", nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskParties_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TaskParties_UnitGroups_UnitGroupId",
                        column: x => x.UnitGroupId,
                        principalTable: "UnitGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskParties_Units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UpperTaskLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UpperTaskId = table.Column<int>(type: "integer", nullable: false),
                    OwnTaskId = table.Column<int>(type: "integer", nullable: false),
                    LinkedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    LinkedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C")
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

            migrationBuilder.CreateTable(
                name: "EscalationNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssignmentId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    RespondBy = table.Column<DateOnly>(type: "date", nullable: false),
                    MissedDueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Response = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    RespondedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscalationNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscalationNotices_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExtensionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssignmentId = table.Column<int>(type: "integer", nullable: false),
                    RequestedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DueDateBefore = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RefusalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtensionRequests_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgressReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssignmentId = table.Column<int>(type: "integer", nullable: false),
                    ReportedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ReportedDayOfMonth = table.Column<int>(type: "integer", nullable: false),
                    Progress = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    PercentComplete = table.Column<int>(type: "integer", nullable: true),
                    Problems = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    NextSteps = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    EvidenceLinks = table.Column<List<string>>(type: "text[]", nullable: false),
                    ReturnReason = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ReturnedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    PublicSummary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    PublicSummaryApprovedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressReports_Assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvidenceFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    StoredName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvidenceFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvidenceFiles_ProgressReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_OrgUnitId_Status",
                table: "Assignments",
                columns: new[] { "OrgUnitId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_Status_DueDate",
                table: "Assignments",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Assignments_TaskId_OrgUnitId",
                table: "Assignments",
                columns: new[] { "TaskId", "OrgUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Deleted",
                table: "AuditEntries",
                column: "EntityType",
                filter: "\"Action\" = 2");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_EscalationNotices_AssignmentId",
                table: "EscalationNotices",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EscalationNotices_OneOpenPerAssignment",
                table: "EscalationNotices",
                column: "AssignmentId",
                unique: true,
                filter: "\"RespondedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EscalationNotices_Year_Sequence",
                table: "EscalationNotices",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_ReportId",
                table: "EvidenceFiles",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_EvidenceFiles_StoredName",
                table: "EvidenceFiles",
                column: "StoredName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_AssignmentId_Status",
                table: "ExtensionRequests",
                columns: new[] { "AssignmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerImports_OrgUnitId_ContentHash",
                table: "LedgerImports",
                columns: new[] { "OrgUnitId", "ContentHash" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeReadMarks_UnitNoticeId",
                table: "NoticeReadMarks",
                column: "UnitNoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_NoticeReadMarks_UserId_UnitNoticeId",
                table: "NoticeReadMarks",
                columns: new[] { "UserId", "UnitNoticeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalNotices_UserId_ReadAtUtc",
                table: "PersonalNotices",
                columns: new[] { "UserId", "ReadAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_PublicKey",
                table: "Plans",
                column: "PublicKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_Year_Title",
                table: "Plans",
                columns: new[] { "Year", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_AssignmentId_ReportedAtUtc_ReturnedAtUtc_Re~",
                table: "ProgressReports",
                columns: new[] { "AssignmentId", "ReportedAtUtc", "ReturnedAtUtc", "ReportedDayOfMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_ReceivedFillIns_PlanId",
                table: "ReceivedFillIns",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderContacts_OrgUnitId",
                table: "ReminderContacts",
                column: "OrgUnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderContacts_UserId",
                table: "ReminderContacts",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_Day",
                table: "ReminderDeliveries",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_RecipientKey_Channel_Day",
                table: "ReminderDeliveries",
                columns: new[] { "RecipientKey", "Channel", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderDeliveries_Status_NextAttemptAtUtc",
                table: "ReminderDeliveries",
                columns: new[] { "Status", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSentItems_DigestDay_RecipientKey",
                table: "ReminderSentItems",
                columns: new[] { "DigestDay", "RecipientKey" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSentItems_RecipientKey_AssignmentId_Kind_ItemDate_F~",
                table: "ReminderSentItems",
                columns: new[] { "RecipientKey", "AssignmentId", "Kind", "ItemDate", "FiredOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sections_ParentId",
                table: "Sections",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Sections_PlanId_Path",
                table: "Sections",
                columns: new[] { "PlanId", "Path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskParties_OrgUnitId",
                table: "TaskParties",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskParties_TaskId",
                table: "TaskParties",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskParties_UnitGroupId",
                table: "TaskParties",
                column: "UnitGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_Deadline",
                table: "Tasks",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_ParentTaskId",
                table: "Tasks",
                column: "ParentTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PlanId_Path",
                table: "Tasks",
                columns: new[] { "PlanId", "Path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PreviousTaskId",
                table: "Tasks",
                column: "PreviousTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_SectionId",
                table: "Tasks",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitGroupMembers_MembersId",
                table: "UnitGroupMembers",
                column: "MembersId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitGroups_Name",
                table: "UnitGroups",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitNotices_Kind_DigestDay",
                table: "UnitNotices",
                columns: new[] { "Kind", "DigestDay" });

            migrationBuilder.CreateIndex(
                name: "IX_UnitNotices_OrgUnitId_CreatedAtUtc",
                table: "UnitNotices",
                columns: new[] { "OrgUnitId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Units_Name",
                table: "Units",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_ParentId",
                table: "Units",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_UpperTaskLinks_OwnTaskId",
                table: "UpperTaskLinks",
                column: "OwnTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_UpperTaskLinks_UpperTaskId_OwnTaskId",
                table: "UpperTaskLinks",
                columns: new[] { "UpperTaskId", "OwnTaskId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserUnits_UnitsId",
                table: "UserUnits",
                column: "UnitsId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AssessmentWeights");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EscalationNotices");

            migrationBuilder.DropTable(
                name: "EvidenceFiles");

            migrationBuilder.DropTable(
                name: "ExtensionRequests");

            migrationBuilder.DropTable(
                name: "LedgerImports");

            migrationBuilder.DropTable(
                name: "NoticeReadMarks");

            migrationBuilder.DropTable(
                name: "PersonalNotices");

            migrationBuilder.DropTable(
                name: "ReceivedFillIns");

            migrationBuilder.DropTable(
                name: "ReminderContacts");

            migrationBuilder.DropTable(
                name: "ReminderDeliveries");

            migrationBuilder.DropTable(
                name: "ReminderPlannedDays");

            migrationBuilder.DropTable(
                name: "ReminderSentItems");

            migrationBuilder.DropTable(
                name: "ReminderSettings");

            migrationBuilder.DropTable(
                name: "TaskParties");

            migrationBuilder.DropTable(
                name: "UnitGroupMembers");

            migrationBuilder.DropTable(
                name: "UpperTaskLinks");

            migrationBuilder.DropTable(
                name: "UserUnits");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "ProgressReports");

            migrationBuilder.DropTable(
                name: "UnitNotices");

            migrationBuilder.DropTable(
                name: "UnitGroups");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Assignments");

            migrationBuilder.DropTable(
                name: "Tasks");

            migrationBuilder.DropTable(
                name: "Units");

            migrationBuilder.DropTable(
                name: "Sections");

            migrationBuilder.DropTable(
                name: "Plans");
        }
    }
}
