using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PerformanceWheel.Data.Migrations.Sqlite
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
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LogoContentType",
                table: "CouncilSettings",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PrimaryColour",
                table: "CouncilSettings",
                type: "TEXT",
                maxLength: 7,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondaryColour",
                table: "CouncilSettings",
                type: "TEXT",
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
