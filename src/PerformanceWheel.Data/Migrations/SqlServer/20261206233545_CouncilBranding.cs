using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PerformanceWheel.Data.Migrations.SqlServer
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
