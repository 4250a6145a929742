using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PerformanceWheel.Data.Migrations.Legacy;

/// <summary>
/// Separation of duties: a council setting (whoever entered or last changed a figure cannot approve it) and who first
/// recorded each figure, kept apart from who last moved it through the workflow. A council that exists before this
/// migration gets the setting off (it keeps working as before until an Admin turns it on; a new council starts with it
/// on). Who entered an existing figure was not recorded: a draft's is whoever last saved it (its UpdatedBy: saving a
/// draft is the only step that leaves a figure in Draft); for other figures it stays unknown and only the person who last
/// changed the figure (its latest revision) is barred from approving it. Hand-written like <see cref="InitialSchema"/>.
/// </summary>
[DbContext(typeof(PerformanceWheelDbContext))]
[Migration("20261206140000_SeparationOfDuties")]
public sealed class SeparationOfDuties : Migration
{
    private const int User = 256;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<bool>(
            name: "SeparatesDuties",
            table: "CouncilSettings",
            nullable: false,
            defaultValue: false);
        migrationBuilder.AddColumn<string>(name: "EnteredBy", table: "Outturns", maxLength: User, nullable: true);
        migrationBuilder.Sql("UPDATE \"Outturns\" SET \"EnteredBy\" = \"UpdatedBy\" WHERE \"State\" = 'Draft';");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn(name: "EnteredBy", table: "Outturns");
        migrationBuilder.DropColumn(name: "SeparatesDuties", table: "CouncilSettings");
    }
}
