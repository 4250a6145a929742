using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PerformanceWheel.Data.Migrations;

/// <summary>
/// Who wrote a figure's commentary and when, kept apart from who last moved the figure through the workflow (an Admin
/// publishing must not become the commentary's author). Existing commentary keeps no author: it is credited to the
/// measure's directorate. Hand-written like <see cref="InitialSchema"/>.
/// </summary>
[DbContext(typeof(PerformanceWheelDbContext))]
[Migration("20261206110000_CommentaryAuthor")]
public sealed class CommentaryAuthor : Migration
{
    private const int User = 256;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>(name: "CommentaryBy", table: "Outturns", maxLength: User, nullable: true);
        migrationBuilder.AddColumn<DateTimeOffset>(name: "CommentaryAt", table: "Outturns", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn(name: "CommentaryAt", table: "Outturns");
        migrationBuilder.DropColumn(name: "CommentaryBy", table: "Outturns");
    }
}
