using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PerformanceWheel.Data.Migrations.Legacy;

/// <summary>
/// Project updates go through the quarterly workflow like figures: each project is reported by a directorate, each
/// update has a workflow state, its author and time and a concurrency version, and a programme's update lists its
/// milestones. Existing councils: every project is given the directorate with most measures in its segment (the
/// first directorate by name when its segment has none), and every existing update counts as published, since it
/// was loaded as history. Hand-written like <see cref="InitialSchema"/>.
/// </summary>
[DbContext(typeof(PerformanceWheelDbContext))]
[Migration("20261206150000_ProjectUpdatesWorkflow")]
public sealed class ProjectUpdatesWorkflow : Migration
{
    private const int Enum = 32;
    private const int User = 256;
    private const int Title = 300;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            SqliteUp(migrationBuilder);
        }
        else
        {
            migrationBuilder.AddColumn<int>(name: "DirectorateId", table: "Projects", nullable: true);
            migrationBuilder.AddForeignKey(
                name: "FK_Projects_Directorates_DirectorateId", table: "Projects", column: "DirectorateId",
                principalTable: "Directorates", principalColumn: "Id", onDelete: ReferentialAction.Restrict);

            // The defaults only fill the existing rows (loaded as history: published); the model has none, so they are dropped again.
            migrationBuilder.AddColumn<string>(name: "State", table: "ProjectUpdates", maxLength: Enum, nullable: false, defaultValue: "Published");
            migrationBuilder.AddColumn<string>(name: "UpdatedBy", table: "ProjectUpdates", maxLength: User, nullable: true);
            migrationBuilder.AddColumn<DateTimeOffset>(name: "UpdatedAt", table: "ProjectUpdates", nullable: false, defaultValue: DateTimeOffset.UnixEpoch);
            migrationBuilder.AddColumn<int>(name: "Version", table: "ProjectUpdates", nullable: false, defaultValue: 0);
            migrationBuilder.AlterColumn<string>(name: "State", table: "ProjectUpdates", maxLength: Enum, nullable: false, oldMaxLength: Enum, oldDefaultValue: "Published");
            migrationBuilder.AlterColumn<DateTimeOffset>(name: "UpdatedAt", table: "ProjectUpdates", nullable: false, oldDefaultValue: DateTimeOffset.UnixEpoch);
            migrationBuilder.AlterColumn<int>(name: "Version", table: "ProjectUpdates", nullable: false, oldDefaultValue: 0);
        }

        InitialSchema.Index(migrationBuilder, "Projects", unique: false, "DirectorateId");

        migrationBuilder.CreateTable(
            name: "ProjectMilestones",
            columns: table => new
            {
                Id = InitialSchema.Identity(table),
                ProjectUpdateId = table.Column<int>(nullable: false),
                Order = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: Title, nullable: false),
                Due = table.Column<DateOnly>(nullable: true),
                Status = table.Column<string>(maxLength: Enum, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectMilestones", x => x.Id);
                table.ForeignKey("FK_ProjectMilestones_ProjectUpdates_ProjectUpdateId", x => x.ProjectUpdateId, "ProjectUpdates", "Id", onDelete: ReferentialAction.Cascade);
            });
        InitialSchema.Index(migrationBuilder, "ProjectMilestones", unique: true, "ProjectUpdateId", "Order");

        // Backfill: the directorate with most measures in the project's segment, else the first directorate by name.
        migrationBuilder.Sql(
            "UPDATE \"Projects\" SET \"DirectorateId\" = COALESCE(" +
            "(SELECT m.\"DirectorateId\" FROM \"Measures\" m WHERE m.\"SegmentId\" = \"Projects\".\"SegmentId\" " +
            "GROUP BY m.\"DirectorateId\" ORDER BY COUNT(*) DESC, m.\"DirectorateId\" LIMIT 1), " +
            "(SELECT d.\"Id\" FROM \"Directorates\" d ORDER BY d.\"Name\" LIMIT 1)) " +
            "WHERE \"DirectorateId\" IS NULL;");
    }

    /// <summary>
    /// SQLite adds a foreign key only with a new column, and drops no default: the column is added with its reference,
    /// and ProjectUpdates is rebuilt (copied into a new table with the new columns, the old one dropped).
    /// </summary>
    private static void SqliteUp(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("ALTER TABLE \"Projects\" ADD COLUMN \"DirectorateId\" INTEGER NULL REFERENCES \"Directorates\" (\"Id\") ON DELETE RESTRICT;");
        migrationBuilder.CreateTable(
            name: "ProjectUpdates_rebuilt",
            columns: table => new
            {
                Id = InitialSchema.Identity(table),
                ProjectId = table.Column<int>(nullable: false),
                Period = table.Column<string>(maxLength: 16, nullable: false),
                Brag = table.Column<string>(maxLength: Enum, nullable: false),
                Direction = table.Column<string>(maxLength: Enum, nullable: false),
                WorkingWell = table.Column<string>(maxLength: 8000, nullable: true),
                Concerns = table.Column<string>(maxLength: 8000, nullable: true),
                NextFocus = table.Column<string>(maxLength: 8000, nullable: true),
                State = table.Column<string>(maxLength: Enum, nullable: false),
                UpdatedBy = table.Column<string>(maxLength: User, nullable: true),
                UpdatedAt = table.Column<DateTimeOffset>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProjectUpdates", x => x.Id);
                table.ForeignKey("FK_ProjectUpdates_Projects_ProjectId", x => x.ProjectId, "Projects", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.Sql(
            "INSERT INTO \"ProjectUpdates_rebuilt\" (\"Id\", \"ProjectId\", \"Period\", \"Brag\", \"Direction\", \"WorkingWell\", \"Concerns\", \"NextFocus\", \"State\", \"UpdatedBy\", \"UpdatedAt\", \"Version\") " +
            "SELECT \"Id\", \"ProjectId\", \"Period\", \"Brag\", \"Direction\", \"WorkingWell\", \"Concerns\", \"NextFocus\", 'Published', NULL, '1970-01-01 00:00:00+00:00', 0 FROM \"ProjectUpdates\";");
        migrationBuilder.DropTable("ProjectUpdates");
        migrationBuilder.RenameTable(name: "ProjectUpdates_rebuilt", newName: "ProjectUpdates");
        InitialSchema.Index(migrationBuilder, "ProjectUpdates", unique: true, "ProjectId", "Period");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("ProjectMilestones");
        migrationBuilder.DropColumn(name: "Version", table: "ProjectUpdates");
        migrationBuilder.DropColumn(name: "UpdatedAt", table: "ProjectUpdates");
        migrationBuilder.DropColumn(name: "UpdatedBy", table: "ProjectUpdates");
        migrationBuilder.DropColumn(name: "State", table: "ProjectUpdates");
        migrationBuilder.DropForeignKey(name: "FK_Projects_Directorates_DirectorateId", table: "Projects");
        migrationBuilder.DropIndex(name: "IX_Projects_DirectorateId", table: "Projects");
        migrationBuilder.DropColumn(name: "DirectorateId", table: "Projects");
    }
}
