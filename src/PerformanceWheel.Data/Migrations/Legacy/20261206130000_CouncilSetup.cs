using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PerformanceWheel.Data.Migrations.Legacy;

/// <summary>
/// What a council needs to set itself up from an empty database: plans can be retired (a past council term kept for
/// history; every existing plan stays current), and the rating scheme changes from a financial year on (earlier years
/// keep the scheme they were published under). Hand-written like <see cref="InitialSchema"/>.
/// </summary>
[DbContext(typeof(PerformanceWheelDbContext))]
[Migration("20261206130000_CouncilSetup")]
public sealed class CouncilSetup : Migration
{
    private const int Enum = 32;
    private const int User = 256;
    private const int Digits = 18;
    private const int Scale = 6;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.AddColumn<bool>(
            name: "IsRetired",
            table: "Plans",
            nullable: false,
            defaultValue: false);

        migrationBuilder.CreateTable(
            name: "SchemeChanges",
            columns: table => new
            {
                Id = InitialSchema.Identity(table),
                CouncilSettingsId = table.Column<int>(nullable: false),
                EffectiveFrom = table.Column<int>(nullable: false),
                BlueExceedsTargetByPercent = table.Column<decimal>(precision: Digits, scale: Scale, nullable: true),
                RedOnlyWhenWorseThanLastYear = table.Column<bool>(nullable: false),
                SegmentRatingMethod = table.Column<string>(maxLength: Enum, nullable: false),
                ChangedBy = table.Column<string>(maxLength: User, nullable: false),
                ChangedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SchemeChanges", x => x.Id);
                table.ForeignKey("FK_SchemeChanges_CouncilSettings_CouncilSettingsId", x => x.CouncilSettingsId, "CouncilSettings", "Id", onDelete: ReferentialAction.Cascade);
            });

        InitialSchema.Index(migrationBuilder, "SchemeChanges", unique: true, "CouncilSettingsId", "EffectiveFrom");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("SchemeChanges");
        migrationBuilder.DropColumn(name: "IsRetired", table: "Plans");
    }
}
