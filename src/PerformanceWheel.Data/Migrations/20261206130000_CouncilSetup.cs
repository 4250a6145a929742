using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PerformanceWheel.Data.Migrations;

/// <summary>
/// What a council needs to set itself up from an empty database: plans can be retired (a past council term kept for
/// history; every existing plan stays current). Hand-written like <see cref="InitialSchema"/>.
/// </summary>
[DbContext(typeof(PerformanceWheelDbContext))]
[Migration("20261206130000_CouncilSetup")]
public sealed class CouncilSetup : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.AddColumn<bool>(
            name: "IsRetired",
            table: "Plans",
            nullable: false,
            defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn(name: "IsRetired", table: "Plans");
    }
}
