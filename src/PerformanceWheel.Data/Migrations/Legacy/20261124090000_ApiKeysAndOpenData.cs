using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PerformanceWheel.Data.Migrations.Legacy;

/// <summary>
/// API keys for the JSON API (hashed, with a role and, for Director keys, directorates) and the council's open data
/// setting (off for every existing council). Hand-written like <see cref="InitialSchema"/>.
/// </summary>
[DbContext(typeof(PerformanceWheelDbContext))]
[Migration("20261124090000_ApiKeysAndOpenData")]
public sealed class ApiKeysAndOpenData : Migration
{
    private const int Name = 100;
    private const int Prefix = 16;
    private const int Hash = 64;
    private const int Enum = 32;
    private const int User = 256;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.AddColumn<bool>(
            name: "OpenDataEnabled",
            table: "CouncilSettings",
            nullable: false,
            defaultValue: false);

        migrationBuilder.CreateTable(
            name: "ApiKeys",
            columns: table => new
            {
                Id = InitialSchema.Identity(table),
                Name = table.Column<string>(maxLength: Name, nullable: false),
                Prefix = table.Column<string>(maxLength: Prefix, nullable: false),
                Hash = table.Column<string>(maxLength: Hash, nullable: false),
                Role = table.Column<string>(maxLength: Enum, nullable: false),
                IsBootstrap = table.Column<bool>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: User, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(nullable: false),
                RevokedBy = table.Column<string>(maxLength: User, nullable: true),
                RevokedAt = table.Column<DateTimeOffset>(nullable: true),
                LastUsedAt = table.Column<DateTimeOffset>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ApiKeys", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ApiKeyDirectorates",
            columns: table => new
            {
                ApiKeyId = table.Column<int>(nullable: false),
                DirectorateId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiKeyDirectorates", x => new { x.ApiKeyId, x.DirectorateId });
                table.ForeignKey("FK_ApiKeyDirectorates_ApiKeys_ApiKeyId", x => x.ApiKeyId, "ApiKeys", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ApiKeyDirectorates_Directorates_DirectorateId", x => x.DirectorateId, "Directorates", "Id", onDelete: ReferentialAction.Cascade);
            });

        InitialSchema.Index(migrationBuilder, "ApiKeys", unique: true, "Hash");
        InitialSchema.Index(migrationBuilder, "ApiKeyDirectorates", unique: false, "DirectorateId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("ApiKeyDirectorates");
        migrationBuilder.DropTable("ApiKeys");
        migrationBuilder.DropColumn(name: "OpenDataEnabled", table: "CouncilSettings");
    }
}
