using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PerformanceWheel.Data.Migrations;

/// <summary>
/// PDF packs made ahead of their readers and stored (docs/decisions/0015): the queue of pack jobs and the files they
/// made. Hand-written like <see cref="InitialSchema"/>.
/// </summary>
[DbContext(typeof(PerformanceWheelDbContext))]
[Migration("20261207110000_PackStore")]
public sealed class PackStore : Migration
{
    private const int Key = 800;
    private const int Code = 32;
    private const int Enum = 32;
    private const int Label = 100;
    private const int Title = 300;
    private const int Text = 8000;
    private const int Period = 16;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "PackJobs",
            columns: table => new
            {
                Id = InitialSchema.Identity(table),
                Key = table.Column<string>(maxLength: Key, nullable: false),
                Kind = table.Column<string>(maxLength: Enum, nullable: false),
                Committee = table.Column<string>(maxLength: Code, nullable: true),
                Quarter = table.Column<string>(maxLength: Period, nullable: false),
                Audience = table.Column<string>(maxLength: Key, nullable: false),
                FiguresVersion = table.Column<long>(nullable: false),
                State = table.Column<string>(maxLength: Enum, nullable: false),
                Stage = table.Column<string>(maxLength: Label, nullable: true),
                Attempts = table.Column<int>(nullable: false),
                QueuedAt = table.Column<DateTimeOffset>(nullable: false),
                StartedAt = table.Column<DateTimeOffset>(nullable: true),
                FinishedAt = table.Column<DateTimeOffset>(nullable: true),
                ClaimedBy = table.Column<Guid>(nullable: true),
                LeaseUntil = table.Column<DateTimeOffset>(nullable: true),
                Error = table.Column<string>(maxLength: Text, nullable: true),
                FileName = table.Column<string>(maxLength: Title, nullable: true),
                Content = table.Column<byte[]>(nullable: true),
                PageMap = table.Column<string>(maxLength: Text, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_PackJobs", x => x.Id));
        InitialSchema.Index(migrationBuilder, "PackJobs", unique: true, "Key");
        InitialSchema.Index(migrationBuilder, "PackJobs", unique: false, "State", "QueuedAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("PackJobs");
    }
}
