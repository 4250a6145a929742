using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PerformanceWheel.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class KeyIssuesAndBranding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Logo",
                table: "CouncilSettings",
                type: "varbinary(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LogoContentType",
                table: "CouncilSettings",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true,
                collation: "Latin1_General_100_CS_AS");

            migrationBuilder.AddColumn<string>(
                name: "PrimaryColour",
                table: "CouncilSettings",
                type: "nvarchar(7)",
                maxLength: 7,
                nullable: true,
                collation: "Latin1_General_100_CS_AS");

            migrationBuilder.AddColumn<string>(
                name: "SecondaryColour",
                table: "CouncilSettings",
                type: "nvarchar(7)",
                maxLength: 7,
                nullable: true,
                collation: "Latin1_General_100_CS_AS");

            migrationBuilder.CreateTable(
                name: "DirectorateKeyIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DirectorateId = table.Column<int>(type: "int", nullable: false),
                    Quarter = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Latin1_General_100_CS_AS"),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectorateKeyIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectorateKeyIssues_Directorates_DirectorateId",
                        column: x => x.DirectorateId,
                        principalTable: "Directorates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectorateKeyIssues_DirectorateId_Quarter",
                table: "DirectorateKeyIssues",
                columns: new[] { "DirectorateId", "Quarter" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectorateKeyIssues");

            migrationBuilder.DropColumn(
                name: "Logo",
                table: "CouncilSettings");

            migrationBuilder.DropColumn(
                name: "LogoContentType",
                table: "CouncilSettings");

            migrationBuilder.DropColumn(
                name: "PrimaryColour",
                table: "CouncilSettings");

            migrationBuilder.DropColumn(
                name: "SecondaryColour",
                table: "CouncilSettings");
        }
    }
}
