using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Configurations;
using PerformanceWheel.Data.Figures;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Finance;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Data;

/// <summary>
/// The one database context, holding the framework, outturns and the accounts (ASP.NET Core Identity).
/// The provider (SQLite, PostgreSQL or SQL Server) is chosen in <see cref="DatabaseSetup"/>. Saving a change to anything a page shows
/// raises the figures version in the same transaction (<see cref="FiguresVersions"/>, docs/decisions/0013).
/// </summary>
public class PerformanceWheelDbContext(DbContextOptions<PerformanceWheelDbContext> options) : IdentityDbContext<AppUser>(options)
{
    /// <summary>The collation of every text column on SQL Server: case- and accent-sensitive, as text is on SQLite and PostgreSQL.</summary>
    public const string SqlServerTextCollation = "Latin1_General_100_CS_AS";

    public DbSet<CouncilSettings> CouncilSettings => Set<CouncilSettings>();

    public DbSet<SchemeChange> SchemeChanges => Set<SchemeChange>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<SegmentGroup> SegmentGroups => Set<SegmentGroup>();

    public DbSet<Segment> Segments => Set<Segment>();

    public DbSet<Directorate> Directorates => Set<Directorate>();

    public DbSet<Committee> Committees => Set<Committee>();

    public DbSet<Measure> Measures => Set<Measure>();

    public DbSet<Benchmark> Benchmarks => Set<Benchmark>();

    public DbSet<MeasureTarget> MeasureTargets => Set<MeasureTarget>();

    public DbSet<Outturn> Outturns => Set<Outturn>();

    public DbSet<SegmentAssessment> SegmentAssessments => Set<SegmentAssessment>();

    public DbSet<QuarterPublication> QuarterPublications => Set<QuarterPublication>();

    public DbSet<CriticalItem> CriticalItems => Set<CriticalItem>();

    public DbSet<DirectorateKeyIssues> DirectorateKeyIssues => Set<DirectorateKeyIssues>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectUpdate> ProjectUpdates => Set<ProjectUpdate>();

    public DbSet<ProjectMilestone> ProjectMilestones => Set<ProjectMilestone>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    public DbSet<BudgetPosition> BudgetPositions => Set<BudgetPosition>();

    public DbSet<OutturnRevision> OutturnRevisions => Set<OutturnRevision>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<UserDirectorate> UserDirectorates => Set<UserDirectorate>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<ApiKeyDirectorate> ApiKeyDirectorates => Set<ApiKeyDirectorate>();

    public DbSet<Packs.PackJob> PackJobs => Set<Packs.PackJob>();

    public DbSet<FiguresVersion> FiguresVersions => Set<FiguresVersion>();

    /// <summary>
    /// Saves as EF does; when a change alters what a page shows (<see cref="Figures.FiguresVersions.Shows"/>), the figures
    /// version is raised first, in the same transaction (the caller's, or one of its own). Raising it first means every
    /// writer takes the version row's lock before any other, so writers never wait on each other in a circle.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangesShownFigures())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        if (Database.CurrentTransaction is not null)
        {
            Figures.FiguresVersions.Bump(this);
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.BeginTransaction();
        Figures.FiguresVersions.Bump(this);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess: false);
        transaction.Commit();
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return saved;
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangesShownFigures())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            await Figures.FiguresVersions.BumpAsync(this, cancellationToken);
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = await Database.BeginTransactionAsync(cancellationToken);
        await Figures.FiguresVersions.BumpAsync(this, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return saved;
    }

    /// <summary>Whether any tracked change alters what a page shows (detects changes first, as SaveChanges would).</summary>
    private bool ChangesShownFigures() => ChangeTracker.Entries().Any(Figures.FiguresVersions.Shows);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PerformanceWheelDbContext).Assembly);
        if (Database.IsSqlServer())
        {
            UseCaseSensitiveText(builder);
        }
    }

    /// <summary>
    /// SQLite and PostgreSQL compare text case-sensitively (codes, names, periods; unique indexes too), and the
    /// application compares without case in memory where a person types a name. SQL Server's usual collations ignore
    /// case, so there every text column gets <see cref="SqlServerTextCollation"/> and behaves as on the other two.
    /// </summary>
    private static void UseCaseSensitiveText(ModelBuilder builder)
    {
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            // Enums and periods stored as text have a provider type of string (set by ConfigureConventions), not a converter yet.
            if ((property.GetValueConverter()?.ProviderClrType ?? property.GetProviderClrType() ?? property.ClrType) == typeof(string))
            {
                property.SetCollation(SqlServerTextCollation);
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Money and measurements are exact decimals everywhere.
        configurationBuilder.Properties<decimal>().HavePrecision(Precision.Digits, Precision.Scale);

        // Times are stored in UTC: PostgreSQL's timestamptz only accepts offset 0, and SQLite then sorts them as text.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();

        // Periods are stored by their chronological code ("2019-09", "2019/20 Q2", "2019/20"); years by their start.
        configurationBuilder.Properties<ReportingPeriod>().HaveConversion<ReportingPeriodConverter>().HaveMaxLength(Domain.Common.Lengths.Period);
        configurationBuilder.Properties<FinancialYear>().HaveConversion<FinancialYearConverter>();
        configurationBuilder.Properties<MeasureUnit>().HaveConversion<MeasureUnitConverter>().HaveMaxLength(Domain.Common.Lengths.Unit);

        // Enums are stored as their names.
        StoreAsString<Polarity>(configurationBuilder);
        StoreAsString<Frequency>(configurationBuilder);
        StoreAsString<Aggregation>(configurationBuilder);
        StoreAsString<ToleranceType>(configurationBuilder);
        StoreAsString<RagStatus>(configurationBuilder);
        StoreAsString<Direction>(configurationBuilder);
        StoreAsString<SegmentRatingMethod>(configurationBuilder);
        StoreAsString<OutturnStatus>(configurationBuilder);
        StoreAsString<WorkflowState>(configurationBuilder);
        StoreAsString<ProjectDirection>(configurationBuilder);
        StoreAsString<MilestoneStatus>(configurationBuilder);
        StoreAsString<RevisionKind>(configurationBuilder);
        StoreAsString<Packs.PackJobState>(configurationBuilder);
    }

    private static void StoreAsString<TEnum>(ModelConfigurationBuilder builder)
        where TEnum : struct, Enum =>
        builder.Properties<TEnum>().HaveConversion<string>().HaveMaxLength(Domain.Common.Lengths.Enum);
}

/// <summary>Decimal precision used for every decimal column (the domain's <see cref="Domain.Common.StoredNumber"/> refuses what does not fit).</summary>
public static class Precision
{
    public const int Digits = Domain.Common.StoredNumber.Digits;
    public const int Scale = Domain.Common.StoredNumber.Scale;
}
