using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PerformanceWheel.Data.Migrations;

/// <summary>
/// The figures version (docs/decisions/0013): one row whose number goes up with every change to what a page shows, in
/// the same transaction. Its id is always 1 (never generated: no identity on PostgreSQL, no autoincrement on SQLite).
/// An existing council starts at 1, so nothing cached before the upgrade can match. Hand-written like
/// <see cref="InitialSchema"/>.
/// </summary>
[DbContext(typeof(PerformanceWheelDbContext))]
[Migration("20261207100000_FiguresVersion")]
public sealed class FiguresVersion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "FiguresVersions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Value = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_FiguresVersions", x => x.Id));
        migrationBuilder.Sql("INSERT INTO \"FiguresVersions\" (\"Id\", \"Value\") VALUES (1, 1);");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("FiguresVersions");
    }
}
