using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PerformanceWheel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoveringReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CoveringReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Pack = table.Column<string>(type: "TEXT", maxLength: 41, nullable: false),
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Meeting = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ForwardPlanReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    KeyDecision = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExecutiveMembers = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LeadOfficer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Author = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoveringReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoveringTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CabinetMeeting = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExecutiveMembers = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LeadOfficer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Author = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoveringTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoveringChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoveringReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoveringChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoveringChanges_CoveringReports_CoveringReportId",
                        column: x => x.CoveringReportId,
                        principalTable: "CoveringReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoveringSignOffs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoveringReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AtRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoveringSignOffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoveringSignOffs_CoveringReports_CoveringReportId",
                        column: x => x.CoveringReportId,
                        principalTable: "CoveringReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoveringTexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoveringReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoveringTexts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoveringTexts_CoveringReports_CoveringReportId",
                        column: x => x.CoveringReportId,
                        principalTable: "CoveringReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoveringSignOffRoles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoveringTemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Consulted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoveringSignOffRoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoveringSignOffRoles_CoveringTemplates_CoveringTemplateId",
                        column: x => x.CoveringTemplateId,
                        principalTable: "CoveringTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoveringStandingTexts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CoveringTemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoveringStandingTexts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoveringStandingTexts_CoveringTemplates_CoveringTemplateId",
                        column: x => x.CoveringTemplateId,
                        principalTable: "CoveringTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CoveringChanges_CoveringReportId_Revision",
                table: "CoveringChanges",
                columns: new[] { "CoveringReportId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoveringReports_Pack_Quarter",
                table: "CoveringReports",
                columns: new[] { "Pack", "Quarter" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoveringSignOffRoles_CoveringTemplateId_Order",
                table: "CoveringSignOffRoles",
                columns: new[] { "CoveringTemplateId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoveringSignOffs_CoveringReportId_Role",
                table: "CoveringSignOffs",
                columns: new[] { "CoveringReportId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoveringStandingTexts_CoveringTemplateId_Section",
                table: "CoveringStandingTexts",
                columns: new[] { "CoveringTemplateId", "Section" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoveringTexts_CoveringReportId_Section",
                table: "CoveringTexts",
                columns: new[] { "CoveringReportId", "Section" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoveringChanges");

            migrationBuilder.DropTable(
                name: "CoveringSignOffRoles");

            migrationBuilder.DropTable(
                name: "CoveringSignOffs");

            migrationBuilder.DropTable(
                name: "CoveringStandingTexts");

            migrationBuilder.DropTable(
                name: "CoveringTexts");

            migrationBuilder.DropTable(
                name: "CoveringTemplates");

            migrationBuilder.DropTable(
                name: "CoveringReports");
        }
    }
}
