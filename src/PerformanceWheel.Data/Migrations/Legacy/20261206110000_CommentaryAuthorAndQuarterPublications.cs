using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PerformanceWheel.Data.Migrations.Legacy;

/// <summary>
/// Quarters published as a whole (readers' default quarter), and who wrote a figure's commentary and when, kept apart from who last moved the figure through the workflow (an Admin
/// publishing must not become the commentary's author). Existing commentary keeps no author: it is credited to the
/// measure's directorate. Hand-written like <see cref="InitialSchema"/>.
/// </summary>
[DbContext(typeof(PerformanceWheelDbContext))]
[Migration("20261206110000_CommentaryAuthorAndQuarterPublications")]
public sealed class CommentaryAuthorAndQuarterPublications : Migration
{
    private const int User = 256;
    private const int Period = 16;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "CommentaryBy", table: "Outturns", maxLength: User, nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>(name: "CommentaryAt", table: "Outturns", nullable: true);

        migrationBuilder.CreateTable(
            name: "QuarterPublications",
            columns: table => new
            {
                Id = InitialSchema.Identity(table),
                Quarter = table.Column<string>(maxLength: Period, nullable: false),
                PublishedBy = table.Column<string>(maxLength: User, nullable: false),
                PublishedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_QuarterPublications", x => x.Id));
        InitialSchema.Index(migrationBuilder, "QuarterPublications", unique: true, "Quarter");

        // Existing councils: every quarter that already has a published figure counts as published as a whole, so the
        // default quarter readers see does not move on upgrade.
        migrationBuilder.Sql(
            "INSERT INTO \"QuarterPublications\" (\"Quarter\", \"PublishedBy\", \"PublishedAt\") " +
            "SELECT \"Period\", 'migration', MIN(\"UpdatedAt\") FROM \"Outturns\" " +
            "WHERE \"State\" = 'Published' AND \"Period\" LIKE '% Q_' GROUP BY \"Period\";");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("QuarterPublications");
        migrationBuilder.DropColumn(name: "CommentaryAt", table: "Outturns");
        migrationBuilder.DropColumn(name: "CommentaryBy", table: "Outturns");
    }
}
