using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PerformanceWheel.Data.Migrations.SqlServer
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Pack = table.Column<string>(type: "nvarchar(41)", maxLength: 41, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    Quarter = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    Meeting = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ForwardPlanReference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_CS_AS"),
                    KeyDecision = table.Column<bool>(type: "bit", nullable: false),
                    ExecutiveMembers = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true, collation: "Latin1_General_100_CS_AS"),
                    LeadOfficer = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true, collation: "Latin1_General_100_CS_AS"),
                    Author = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true, collation: "Latin1_General_100_CS_AS"),
                    Contact = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true, collation: "Latin1_General_100_CS_AS"),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ChangedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    ChangedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoveringReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoveringTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CabinetMeeting = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    ExecutiveMembers = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true, collation: "Latin1_General_100_CS_AS"),
                    LeadOfficer = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true, collation: "Latin1_General_100_CS_AS"),
                    Author = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true, collation: "Latin1_General_100_CS_AS"),
                    Contact = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true, collation: "Latin1_General_100_CS_AS")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoveringTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CoveringChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CoveringReportId = table.Column<int>(type: "int", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    What = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CoveringReportId = table.Column<int>(type: "int", nullable: false),
                    Role = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AtRevision = table.Column<int>(type: "int", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CoveringReportId = table.Column<int>(type: "int", nullable: false),
                    Section = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false, collation: "Latin1_General_100_CS_AS")
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CoveringTemplateId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    Consulted = table.Column<bool>(type: "bit", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CoveringTemplateId = table.Column<int>(type: "int", nullable: false),
                    Section = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false, collation: "Latin1_General_100_CS_AS")
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
