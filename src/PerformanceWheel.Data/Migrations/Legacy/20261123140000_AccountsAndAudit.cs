using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PerformanceWheel.Data.Migrations.Legacy;

/// <summary>
/// Accounts (ASP.NET Core Identity's tables, plus a Director's directorates), the revision history of outturns and the
/// audit log. Hand-written like <see cref="InitialSchema"/>; column types come from each provider's mapping.
/// </summary>
[DbContext(typeof(PerformanceWheelDbContext))]
[Migration("20261123140000_AccountsAndAudit")]
public sealed class AccountsAndAudit : Migration
{
    private const int Name = 200;
    private const int Label = 100;
    private const int Period = 16;
    private const int Text = 8000;
    private const int User = 256;
    private const int Enum = 32;
    private const int Identity = 256;
    private const int Digits = 18;
    private const int Scale = 6;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: Identity, nullable: true),
                NormalizedName = table.Column<string>(maxLength: Identity, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AspNetRoles", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                DisplayName = table.Column<string>(maxLength: Name, nullable: false),
                IsDisabled = table.Column<bool>(nullable: false),
                UserName = table.Column<string>(maxLength: Identity, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: Identity, nullable: true),
                Email = table.Column<string>(maxLength: Identity, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: Identity, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AspNetUsers", x => x.Id));

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = InitialSchema.Identity(table),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey("FK_AspNetRoleClaims_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = InitialSchema.Identity(table),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey("FK_AspNetUserRoles_AspNetRoles_RoleId", x => x.RoleId, "AspNetRoles", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_AspNetUserRoles_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "UserDirectorates",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                DirectorateId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UserDirectorates", x => new { x.UserId, x.DirectorateId });
                table.ForeignKey("FK_UserDirectorates_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_UserDirectorates_Directorates_DirectorateId", x => x.DirectorateId, "Directorates", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "OutturnRevisions",
            columns: table => new
            {
                Id = InitialSchema.Identity(table),
                OutturnId = table.Column<int>(nullable: false),
                Period = table.Column<string>(maxLength: Period, nullable: false),
                OldValue = table.Column<decimal>(precision: Digits, scale: Scale, nullable: true),
                OldStatus = table.Column<string>(maxLength: Enum, nullable: true),
                NewValue = table.Column<decimal>(precision: Digits, scale: Scale, nullable: true),
                NewStatus = table.Column<string>(maxLength: Enum, nullable: true),
                Kind = table.Column<string>(maxLength: Enum, nullable: false),
                Reason = table.Column<string>(maxLength: Text, nullable: true),
                ChangedBy = table.Column<string>(maxLength: User, nullable: false),
                ChangedAt = table.Column<DateTimeOffset>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_OutturnRevisions", x => x.Id);
                table.ForeignKey("FK_OutturnRevisions_Outturns_OutturnId", x => x.OutturnId, "Outturns", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = InitialSchema.Identity(table),
                User = table.Column<string>(maxLength: User, nullable: false),
                At = table.Column<DateTimeOffset>(nullable: false),
                Action = table.Column<string>(maxLength: Label, nullable: false),
                EntityType = table.Column<string>(maxLength: Label, nullable: false),
                EntityKey = table.Column<string>(maxLength: Label, nullable: false),
                Changes = table.Column<string>(maxLength: Text, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));

        InitialSchema.Index(migrationBuilder, "AspNetRoleClaims", unique: false, "RoleId");
        migrationBuilder.CreateIndex("RoleNameIndex", "AspNetRoles", "NormalizedName", unique: true);
        InitialSchema.Index(migrationBuilder, "AspNetUserClaims", unique: false, "UserId");
        InitialSchema.Index(migrationBuilder, "AspNetUserLogins", unique: false, "UserId");
        InitialSchema.Index(migrationBuilder, "AspNetUserRoles", unique: false, "RoleId");
        migrationBuilder.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        migrationBuilder.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);
        InitialSchema.Index(migrationBuilder, "UserDirectorates", unique: false, "DirectorateId");
        InitialSchema.Index(migrationBuilder, "OutturnRevisions", unique: false, "OutturnId");
        InitialSchema.Index(migrationBuilder, "AuditEntries", unique: false, "EntityType", "EntityKey");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[]
                 {
                     "AuditEntries", "OutturnRevisions", "UserDirectorates", "AspNetUserTokens", "AspNetUserRoles",
                     "AspNetUserLogins", "AspNetUserClaims", "AspNetRoleClaims", "AspNetUsers", "AspNetRoles",
                 })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
