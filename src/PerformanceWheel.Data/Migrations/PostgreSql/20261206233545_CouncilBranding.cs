using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PerformanceWheel.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CouncilBranding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Logo",
                table: "CouncilSettings",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LogoContentType",
                table: "CouncilSettings",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrimaryColour",
                table: "CouncilSettings",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondaryColour",
                table: "CouncilSettings",
                type: "character varying(7)",
                maxLength: 7,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
