using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PerformanceWheel.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PackStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PackJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Key = table.Column<string>(type: "nvarchar(800)", maxLength: 800, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    Committee = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true, collation: "Latin1_General_100_CS_AS"),
                    Quarter = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    Audience = table.Column<string>(type: "nvarchar(800)", maxLength: 800, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    FiguresVersion = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false, collation: "Latin1_General_100_CS_AS"),
                    Stage = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true, collation: "Latin1_General_100_CS_AS"),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    QueuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClaimedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    LeaseUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true, collation: "Latin1_General_100_CS_AS"),
                    FileName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true, collation: "Latin1_General_100_CS_AS"),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: true),
                    PageMap = table.Column<string>(type: "nvarchar(max)", maxLength: 8000, nullable: true, collation: "Latin1_General_100_CS_AS")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackJobs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PackJobs_Key",
                table: "PackJobs",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PackJobs_State_QueuedAt",
                table: "PackJobs",
                columns: new[] { "State", "QueuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PackJobs");
        }
    }
}
