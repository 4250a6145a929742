using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace PerformanceWheel.Data.Migrations.Legacy;

/// <summary>
/// The first schema: framework, measures, targets, outturns, assessments, projects and finance.
/// Hand-written (EF Design is not available here, docs/decisions/0003): column types come from each provider's
/// mapping of the CLR type, length and precision, and identity columns carry both providers' annotations.
/// </summary>
[DbContext(typeof(PerformanceWheelDbContext))]
[Migration("20261123120000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    private const int Code = 32;
    private const int Name = 200;
    private const int Title = 300;
    private const int Label = 100;
    private const int Period = 16;
    private const int Unit = 40;
    private const int Text = 8000;
    private const int User = 256;
    private const int Enum = 32;
    private const int Digits = 18;
    private const int Scale = 6;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "CouncilSettings",
            columns: table => new
            {
                Id = Identity(table),
                Name = table.Column<string>(maxLength: Name, nullable: false),
                BlueExceedsTargetByPercent = table.Column<decimal>(precision: Digits, scale: Scale, nullable: true),
                RedOnlyWhenWorseThanLastYear = table.Column<bool>(nullable: false),
                SegmentRatingMethod = table.Column<string>(maxLength: Enum, nullable: false),
                AllowAnonymousReading = table.Column<bool>(nullable: false),
                OverdueDaysAfterPeriodEnd = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CouncilSettings", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Plans",
            columns: table => new
            {
                Id = Identity(table),
                Name = table.Column<string>(maxLength: Name, nullable: false),
                FirstYear = table.Column<int>(nullable: false),
                LastYear = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Plans", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Directorates",
            columns: table => new
            {
                Id = Identity(table),
                Name = table.Column<string>(maxLength: Name, nullable: false),
                IsRetired = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Directorates", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Committees",
            columns: table => new
            {
                Id = Identity(table),
                Code = table.Column<string>(maxLength: Code, nullable: false),
                Name = table.Column<string>(maxLength: Name, nullable: false),
                IsRetired = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Committees", x => x.Id));

        migrationBuilder.CreateTable(
            name: "SegmentGroups",
            columns: table => new
            {
                Id = Identity(table),
                PlanId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: Name, nullable: false),
                Order = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SegmentGroups", x => x.Id);
                table.ForeignKey("FK_SegmentGroups_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Segments",
            columns: table => new
            {
                Id = Identity(table),
                GroupId = table.Column<int>(nullable: false),
                Code = table.Column<string>(maxLength: Code, nullable: false),
                Title = table.Column<string>(maxLength: Title, nullable: false),
                Lead = table.Column<string>(maxLength: Name, nullable: true),
                Order = table.Column<int>(nullable: false),
                IsRetired = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Segments", x => x.Id);
                table.ForeignKey("FK_Segments_SegmentGroups_GroupId", x => x.GroupId, "SegmentGroups", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SegmentCommittees",
            columns: table => new
            {
                SegmentId = table.Column<int>(nullable: false),
                CommitteeId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SegmentCommittees", x => new { x.SegmentId, x.CommitteeId });
                table.ForeignKey("FK_SegmentCommittees_Committees_CommitteeId", x => x.CommitteeId, "Committees", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_SegmentCommittees_Segments_SegmentId", x => x.SegmentId, "Segments", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Measures",
            columns: table => new
            {
                Id = Identity(table),
                Code = table.Column<string>(maxLength: Code, nullable: false),
                Title = table.Column<string>(maxLength: Title, nullable: false),
                Description = table.Column<string>(maxLength: Text, nullable: true),
                DataNotes = table.Column<string>(maxLength: Text, nullable: true),
                Unit = table.Column<string>(maxLength: Unit, nullable: false),
                DecimalPlaces = table.Column<int>(nullable: false),
                Polarity = table.Column<string>(maxLength: Enum, nullable: false),
                Frequency = table.Column<string>(maxLength: Enum, nullable: false),
                Aggregation = table.Column<string>(maxLength: Enum, nullable: false),
                ToleranceType = table.Column<string>(maxLength: Enum, nullable: false),
                ToleranceValue = table.Column<decimal>(precision: Digits, scale: Scale, nullable: false),
                SteadyThreshold = table.Column<decimal>(precision: Digits, scale: Scale, nullable: false),
                DirectorateId = table.Column<int>(nullable: false),
                SegmentId = table.Column<int>(nullable: true),
                DiscontinuedFrom = table.Column<string>(maxLength: Period, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Measures", x => x.Id);
                table.ForeignKey("FK_Measures_Directorates_DirectorateId", x => x.DirectorateId, "Directorates", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Measures_Segments_SegmentId", x => x.SegmentId, "Segments", "Id", onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateTable(
            name: "MeasureCommittees",
            columns: table => new
            {
                MeasureId = table.Column<int>(nullable: false),
                CommitteeId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeasureCommittees", x => new { x.MeasureId, x.CommitteeId });
                table.ForeignKey("FK_MeasureCommittees_Committees_CommitteeId", x => x.CommitteeId, "Committees", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_MeasureCommittees_Measures_MeasureId", x => x.MeasureId, "Measures", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Benchmarks",
            columns: table => new
            {
                Id = Identity(table),
                MeasureId = table.Column<int>(nullable: false),
                Label = table.Column<string>(maxLength: Name, nullable: false),
                Value = table.Column<decimal>(precision: Digits, scale: Scale, nullable: false),
                Period = table.Column<string>(maxLength: Label, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Benchmarks", x => x.Id);
                table.ForeignKey("FK_Benchmarks_Measures_MeasureId", x => x.MeasureId, "Measures", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MeasureTargets",
            columns: table => new
            {
                Id = Identity(table),
                MeasureId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Period = table.Column<string>(maxLength: Period, nullable: true),
                Value = table.Column<decimal>(precision: Digits, scale: Scale, nullable: true),
                Low = table.Column<decimal>(precision: Digits, scale: Scale, nullable: true),
                High = table.Column<decimal>(precision: Digits, scale: Scale, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeasureTargets", x => x.Id);
                table.ForeignKey("FK_MeasureTargets_Measures_MeasureId", x => x.MeasureId, "Measures", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Outturns",
            columns: table => new
            {
                Id = Identity(table),
                MeasureId = table.Column<int>(nullable: false),
                Period = table.Column<string>(maxLength: Period, nullable: false),
                Value = table.Column<decimal>(precision: Digits, scale: Scale, nullable: true),
                Status = table.Column<string>(maxLength: Enum, nullable: true),
                IsProvisional = table.Column<bool>(nullable: false),
                Commentary = table.Column<string>(maxLength: Text, nullable: true),
                State = table.Column<string>(maxLength: Enum, nullable: false),
                UpdatedBy = table.Column<string>(maxLength: User, nullable: true),
                UpdatedAt = table.Column<DateTimeOffset>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Outturns", x => x.Id);
                table.ForeignKey("FK_Outturns_Measures_MeasureId", x => x.MeasureId, "Measures", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SegmentAssessments",
            columns: table => new
            {
                Id = Identity(table),
                SegmentId = table.Column<int>(nullable: false),
                Period = table.Column<string>(maxLength: Period, nullable: false),
                SuggestedRag = table.Column<string>(maxLength: Enum, nullable: true),
                JudgedRag = table.Column<string>(maxLength: Enum, nullable: true),
                Rationale = table.Column<string>(maxLength: Text, nullable: true),
                Direction = table.Column<string>(maxLength: Enum, nullable: true),
                UpdatedBy = table.Column<string>(maxLength: User, nullable: true),
                UpdatedAt = table.Column<DateTimeOffset>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SegmentAssessments", x => x.Id);
                table.ForeignKey("FK_SegmentAssessments_Segments_SegmentId", x => x.SegmentId, "Segments", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CriticalItems",
            columns: table => new
            {
                Id = Identity(table),
                MeasureId = table.Column<int>(nullable: false),
                Period = table.Column<string>(maxLength: Period, nullable: false),
                Issue = table.Column<string>(maxLength: Text, nullable: false),
                RemedialAction = table.Column<string>(maxLength: Text, nullable: false),
                Owner = table.Column<string>(maxLength: Name, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CriticalItems", x => x.Id);
                table.ForeignKey("FK_CriticalItems_Measures_MeasureId", x => x.MeasureId, "Measures", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Projects",
            columns: table => new
            {
                Id = Identity(table),
                Code = table.Column<string>(maxLength: Code, nullable: false),
                Title = table.Column<string>(maxLength: Title, nullable: false),
                SegmentId = table.Column<int>(nullable: false),
                IsRetired = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Projects", x => x.Id);
                table.ForeignKey("FK_Projects_Segments_SegmentId", x => x.SegmentId, "Segments", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ProjectUpdates",
            columns: table => new
            {
                Id = Identity(table),
                ProjectId = table.Column<int>(nullable: false),
                Period = table.Column<string>(maxLength: Period, nullable: false),
                Brag = table.Column<string>(maxLength: Enum, nullable: false),
                Direction = table.Column<string>(maxLength: Enum, nullable: false),
                WorkingWell = table.Column<string>(maxLength: Text, nullable: true),
                Concerns = table.Column<string>(maxLength: Text, nullable: true),
                NextFocus = table.Column<string>(maxLength: Text, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectUpdates", x => x.Id);
                table.ForeignKey("FK_ProjectUpdates_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "BudgetLines",
            columns: table => new
            {
                Id = Identity(table),
                ServiceArea = table.Column<string>(maxLength: Name, nullable: false),
                Period = table.Column<string>(maxLength: Period, nullable: false),
                ApprovedBudget = table.Column<decimal>(precision: Digits, scale: Scale, nullable: false),
                ForecastOutturn = table.Column<decimal>(precision: Digits, scale: Scale, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_BudgetLines", x => x.Id));

        migrationBuilder.CreateTable(
            name: "BudgetPositions",
            columns: table => new
            {
                Id = Identity(table),
                Period = table.Column<string>(maxLength: Period, nullable: false),
                VarianceMillions = table.Column<decimal>(precision: Digits, scale: Scale, nullable: false),
                Rag = table.Column<string>(maxLength: Enum, nullable: true),
                Commentary = table.Column<string>(maxLength: Text, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_BudgetPositions", x => x.Id));

        Index(migrationBuilder, "SegmentGroups", unique: true, "PlanId", "Name");
        Index(migrationBuilder, "Segments", unique: true, "Code");
        Index(migrationBuilder, "Segments", unique: false, "GroupId");
        Index(migrationBuilder, "SegmentCommittees", unique: false, "CommitteeId");
        Index(migrationBuilder, "Directorates", unique: true, "Name");
        Index(migrationBuilder, "Committees", unique: true, "Code");
        Index(migrationBuilder, "Measures", unique: true, "Code");
        Index(migrationBuilder, "Measures", unique: false, "DirectorateId");
        Index(migrationBuilder, "Measures", unique: false, "SegmentId");
        Index(migrationBuilder, "MeasureCommittees", unique: false, "CommitteeId");
        Index(migrationBuilder, "Benchmarks", unique: false, "MeasureId");
        Index(migrationBuilder, "MeasureTargets", unique: true, "MeasureId", "Year", "Period");
        Index(migrationBuilder, "Outturns", unique: true, "MeasureId", "Period");
        Index(migrationBuilder, "Outturns", unique: false, "Period");
        Index(migrationBuilder, "SegmentAssessments", unique: true, "SegmentId", "Period");
        Index(migrationBuilder, "CriticalItems", unique: false, "MeasureId", "Period");
        Index(migrationBuilder, "Projects", unique: true, "Code");
        Index(migrationBuilder, "Projects", unique: false, "SegmentId");
        Index(migrationBuilder, "ProjectUpdates", unique: true, "ProjectId", "Period");
        Index(migrationBuilder, "BudgetLines", unique: true, "Period", "ServiceArea");
        Index(migrationBuilder, "BudgetPositions", unique: true, "Period");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[]
                 {
                     "BudgetPositions", "BudgetLines", "ProjectUpdates", "Projects", "CriticalItems", "SegmentAssessments",
                     "Outturns", "MeasureTargets", "Benchmarks", "MeasureCommittees", "Measures", "SegmentCommittees",
                     "Segments", "SegmentGroups", "Committees", "Directorates", "Plans", "CouncilSettings",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }

    /// <summary>An integer key generated by the database on both providers.</summary>
    internal static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder table) =>
        table.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    /// <summary>An index named as EF Core names it: IX_Table_Col1_Col2.</summary>
    internal static void Index(MigrationBuilder migrationBuilder, string table, bool unique, params string[] columns) =>
        migrationBuilder.CreateIndex($"IX_{table}_{string.Join('_', columns)}", table, columns, unique: unique);
}
