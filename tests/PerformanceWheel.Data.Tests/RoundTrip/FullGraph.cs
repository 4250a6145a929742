using Microsoft.AspNetCore.Identity;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Finance;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Data.Tests.RoundTrip;

/// <summary>
/// One of every entity, every property set to something other than its default where the domain allows it,
/// so a column that is missing, swapped or truncated shows up when the graph is read back.
/// </summary>
public sealed class FullGraph
{
    public static readonly DateTimeOffset RecordedAt = new(2019, 10, 14, 9, 30, 12, 345, TimeSpan.Zero);
    public static readonly DateTimeOffset SubmittedAt = new(2019, 10, 15, 16, 45, 1, 999, TimeSpan.Zero);
    public static readonly DateTimeOffset JudgedAt = new(2019, 10, 21, 11, 0, 59, 5, TimeSpan.Zero);
    public static readonly FinancialYear Year = new(2019);
    public static readonly ReportingPeriod September = ReportingPeriod.Parse("Sep-19");
    public static readonly ReportingPeriod October = ReportingPeriod.Parse("Oct-19");
    public static readonly ReportingPeriod Quarter2 = ReportingPeriod.Parse("2019/20 Q2");
    public static readonly ReportingPeriod WholeYear = ReportingPeriod.Parse("2019/20");
    public static readonly ReportingPeriod March = ReportingPeriod.Parse("Mar-20");

    public FullGraph()
    {
        Settings = new CouncilSettings("Shire County Council");
        Settings.ChangeScheme(12.5m, redOnlyWhenWorseThanLastYear: true, SegmentRatingMethod.WorstOf);
        Settings.ChangeReading(allowAnonymousReading: true, overdueDaysAfterPeriodEnd: 45);
        Settings.ChangeOpenData(true);
        Settings.ChangeSchemeFrom(new FinancialYear(2019), 7.25m, redOnlyWhenWorseThanLastYear: false, SegmentRatingMethod.Majority, "admin@shire.gov.uk",
            new DateTimeOffset(2019, 4, 2, 10, 15, 30, TimeSpan.Zero));

        Committee = new Committee("A&H", "Adults and Health");

        Plan = new Plan("County Plan", new FinancialYear(2016), new FinancialYear(2019));
        Group = Plan.AddGroup("The People's Priorities", 2);
        Segment = Group.AddSegment("P1", "Safer and healthier communities", "Director of Public Health", 3);
        Plan.Retire();
        Segment.TagCommittee(Committee);
        Segment.Retire();

        Directorate = new Directorate("Public Health");
        Directorate.Retire();

        Measure = new Measure("PH-01", "Self-harm admissions", Directorate, Polarity.WithinRange, Frequency.Quarterly, MeasureUnit.Parse("per 100,000"));
        Measure.Describe("Hospital admissions for self-harm", "Emergency admissions, all ages.", "Source: HES; published quarterly in arrears.");
        Measure.Classify(Polarity.WithinRange, Frequency.Monthly, Aggregation.Average, MeasureUnit.Parse("per 100,000"), 2);
        Measure.SetTolerance(Tolerance.Percent(5), 0.5m);
        Measure.AssignTo(Directorate, Segment);
        Measure.TagCommittee(Committee);
        Measure.AddBenchmark("National average", 89.7m, "2018/19");
        YearTarget = Measure.SetTarget(Year, null, null, 10m, 20m);
        SeptemberTarget = Measure.SetTarget(Year, September, null, 12.5m, 18.25m);
        Measure.Discontinue(March);

        ValuedOutturn = Measure.NewOutturn(September);
        ValuedOutturn.Record(84.123456m, null, provisional: true, "Provisional: awaiting validation.", "analyst@shire.gov.uk", RecordedAt);
        ValuedOutturn.MoveTo(WorkflowState.Submitted, "officer@shire.gov.uk", SubmittedAt);

        TbcOutturn = Measure.NewOutturn(October);
        TbcOutturn.Record(null, OutturnStatus.Tbc, provisional: false, null, "analyst@shire.gov.uk", RecordedAt);

        Assessment = new SegmentAssessment(Segment, Quarter2);
        Assessment.Suggest(RagStatus.Amber);
        Assessment.Judge(RagStatus.Red, "Admissions rose for a third quarter.", Direction.Declining, "lead@shire.gov.uk", JudgedAt);

        CriticalItem = new CriticalItem(Measure, September, "Admissions above the range.", "Targeted outreach in two districts.", "Head of Public Health");

        KeyIssues = new DirectorateKeyIssues(Directorate, Quarter2);
        KeyIssues.Write("Admissions rose again.\nOutreach starts in two districts.", "director@shire.gov.uk", JudgedAt);

        Project = new Project("PRJ-7", "Wellbeing hubs", Segment);
        Project.AssignTo(Directorate);
        ProjectUpdate = Project.UpdateFor(Quarter2);
        ProjectUpdate.Record(RagStatus.Blue, ProjectDirection.MissedOrAtRisk, "Three hubs open.", "Staffing in the north.", "Open the fourth hub.",
            [("Fourth hub open", new DateOnly(2020, 3, 31), MilestoneStatus.OnTrack), ("Staff recruited", null, MilestoneStatus.Missed)], "officer@shire.gov.uk", RecordedAt);
        ProjectUpdate.MoveTo(WorkflowState.Submitted, "officer@shire.gov.uk", SubmittedAt);
        Project.Retire();

        BudgetLine = new BudgetLine("Adult Social Care", Quarter2, 123456789012.123456m, 130.5m);
        BudgetPosition = new BudgetPosition(WholeYear, -1.25m, RagStatus.Green, "Balanced by the year end.");

        Publication = new QuarterPublication(Quarter2, "admin@shire.gov.uk", JudgedAt);

        Revision = new OutturnRevision(ValuedOutturn, 80.5m, null, RevisionKind.Correction, "Late return from a provider.", "officer@shire.gov.uk", JudgedAt);
        Audit = new AuditEntry("admin@shire.gov.uk", JudgedAt, "Updated", "Measure", "PH-01", "Tolerance: 0 → 5%");

        Role = new IdentityRole(Roles.Director) { NormalizedName = Roles.Director.ToUpperInvariant(), ConcurrencyStamp = "role-stamp" };
        User = new AppUser
        {
            UserName = "director@shire.gov.uk", NormalizedUserName = "DIRECTOR@SHIRE.GOV.UK", Email = "director@shire.gov.uk",
            NormalizedEmail = "DIRECTOR@SHIRE.GOV.UK", EmailConfirmed = true, PasswordHash = "hash", SecurityStamp = "security",
            ConcurrencyStamp = "user-stamp", PhoneNumber = "01234 567890", PhoneNumberConfirmed = true, TwoFactorEnabled = true,
            LockoutEnd = JudgedAt, LockoutEnabled = true, AccessFailedCount = 3, DisplayName = "Director of Public Health", IsDisabled = true,
        };
        AccountRows =
        [
            Role,
            User,
            new IdentityUserRole<string> { UserId = User.Id, RoleId = Role.Id },
            new IdentityRoleClaim<string> { RoleId = Role.Id, ClaimType = "scope", ClaimValue = "directorate" },
            new IdentityUserClaim<string> { UserId = User.Id, ClaimType = "team", ClaimValue = "north" },
            new IdentityUserLogin<string> { UserId = User.Id, LoginProvider = "local", ProviderKey = "key-1", ProviderDisplayName = "Local" },
            new IdentityUserToken<string> { UserId = User.Id, LoginProvider = "local", Name = "refresh", Value = "token" },
        ];
    }

    /// <summary>A revoked Director key that was used; saved once the directorate has its key.</summary>
    public static ApiKey DirectorKey(int directorateId)
    {
        var key = new ApiKey("Director feed", "pw_abcdefgh", new string('a', ApiKey.HashLength), Roles.Director, [directorateId], isBootstrap: true, "admin@shire.gov.uk", RecordedAt);
        key.MarkUsed(SubmittedAt);
        key.Revoke("admin@shire.gov.uk", JudgedAt);
        return key;
    }

    public OutturnRevision Revision { get; }

    public AuditEntry Audit { get; }

    public IdentityRole Role { get; }

    public AppUser User { get; }

    /// <summary>Account rows; the user's directorate is added once the directorate has its key.</summary>
    public IReadOnlyList<object> AccountRows { get; }

    public CouncilSettings Settings { get; }

    public Committee Committee { get; }

    public Plan Plan { get; }

    public SegmentGroup Group { get; }

    public Segment Segment { get; }

    public Directorate Directorate { get; }

    public Measure Measure { get; }

    public MeasureTarget YearTarget { get; }

    public MeasureTarget SeptemberTarget { get; }

    public Outturn ValuedOutturn { get; }

    public Outturn TbcOutturn { get; }

    public SegmentAssessment Assessment { get; }

    public CriticalItem CriticalItem { get; }

    public DirectorateKeyIssues KeyIssues { get; }

    public Project Project { get; }

    public ProjectUpdate ProjectUpdate { get; }

    public BudgetLine BudgetLine { get; }

    public BudgetPosition BudgetPosition { get; }

    public QuarterPublication Publication { get; }

    /// <summary>The roots; everything else is reachable from them.</summary>
    public IEnumerable<object> Roots() =>
        [Settings, Plan, Measure, ValuedOutturn, TbcOutturn, Assessment, CriticalItem, KeyIssues, Project, BudgetLine, BudgetPosition, Publication, Revision, Audit];
}
