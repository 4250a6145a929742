namespace PerformanceWheel.Application.Import;

/// <summary>One column of an import sheet: its header, whether it is required, and what it accepts (docs/import-format.md).</summary>
public sealed record ImportColumn(string Name, bool Required, string Accepts);

/// <summary>One sheet of the import workbook and its columns, in the order the templates write them.</summary>
public sealed record ImportSheet(string Name, bool Required, string Purpose, IReadOnlyList<ImportColumn> Columns)
{
    public IEnumerable<ImportColumn> RequiredColumns => Columns.Where(c => c.Required);
}

/// <summary>
/// The workbook format (docs/import-format.md): ten sheets (plans and rings, the framework and figures, projects and their
/// updates, finance), a header in row 1, headers matched case-insensitively with
/// surrounding spaces ignored; extra columns and other sheets are ignored, blank rows skipped. The templates, the reader
/// and the documentation all take their sheet and column names from here.
/// </summary>
public static class ImportFormat
{
    public const string Segments = "Segments";
    public const string Measures = "Measures";
    public const string Targets = "Targets";
    public const string Outturns = "Outturns";
    public const string Instructions = "Instructions";
    public const string BudgetLines = "BudgetLines";
    public const string BudgetPosition = "BudgetPosition";
    public const string Plans = "Plans";
    public const string Rings = "Rings";
    public const string Projects = "Projects";
    public const string ProjectUpdates = "ProjectUpdates";

    public const string Code = "Code";
    public const string Name = "Name";
    public const string Group = "Group";
    public const string Order = "Order";
    public const string Title = "Title";
    public const string Directorate = "Directorate";
    public const string Segment = "Segment";
    public const string Polarity = "Polarity";
    public const string Unit = "Unit";
    public const string Frequency = "Frequency";
    public const string Aggregation = "Aggregation";
    public const string Tolerance = "Tolerance";
    public const string ToleranceType = "Tolerance type";
    public const string SteadyThreshold = "Steady threshold";
    public const string Committees = "Committees";
    public const string DiscontinuedFrom = "Discontinued from";
    public const string Description = "Description";
    public const string DecimalPlaces = "Decimal places";
    public const string Year = "Year";
    public const string Target = "Target";
    public const string TargetLow = "Target low";
    public const string TargetHigh = "Target high";
    public const string Period = "Period";
    public const string Value = "Value";
    public const string Status = "Status";
    public const string Provisional = "Provisional";
    public const string Commentary = "Commentary";
    public const string ServiceArea = "Service area";
    public const string ApprovedBudget = "Approved budget";
    public const string ForecastOutturn = "Forecast outturn";
    public const string Remove = "Remove";
    public const string Variance = "Variance";
    public const string Rating = "Rating";
    public const string FirstYear = "First year";
    public const string LastYear = "Last year";
    public const string Retired = "Retired";
    public const string PlanName = "Plan";
    public const string ProjectCode = "Project";
    public const string Brag = "BRAG";
    public const string Direction = "Direction";
    public const string AreasOfSuccess = "Areas of success";
    public const string AreasOfConcern = "Areas of concern";
    public const string NextFocus = "Focus for next quarter";
    public const string Milestone = "Milestone";
    public const string MilestoneDue = "Milestone due";
    public const string MilestoneState = "Milestone status";

    /// <summary>The revision reason of a figure changed by an import.</summary>
    public const string RevisionReason = "import";

    public static readonly ImportSheet SegmentsSheet = new(Segments, false, "Segments (wheel objectives) that measures belong to. Optional.",
    [
        new(Code, true, "The segment's code, e.g. P1. An existing code updates that segment."),
        new(Name, true, "The segment's title."),
        new(Group, true, "The ring (segment group) by name, in the database or on the Rings sheet; created in the latest plan if absent."),
        new(Order, false, "A whole number for the segment's place in its ring; blank: after the others (new) or unchanged (existing)."),
    ]);

    public static readonly ImportSheet MeasuresSheet = new(Measures, true, "Measures (key performance indicators). An existing code updates that measure.",
    [
        new(Code, true, "The measure's code, e.g. ASC-CQC-01."),
        new(Title, true, "The measure's title."),
        new(Directorate, true, "The owning directorate by name; created if absent."),
        new(Segment, false, "A segment code that exists in the database or on the Segments sheet; blank: none."),
        new(Polarity, true, "Higher is better | Lower is better | Within range."),
        new(Unit, false, "Free text such as %, number, count, £, £m, days, per 100,000; blank: number."),
        new(Frequency, true, "Monthly | Quarterly | Annual."),
        new(Aggregation, false, "Snapshot | Sum | Average | Year to date; blank: Snapshot."),
        new(Tolerance, false, "A number, zero or more; blank: 0."),
        new(ToleranceType, false, "Percent | Absolute; blank: Percent."),
        new(SteadyThreshold, false, "A number, zero or more; blank: 0."),
        new(Committees, false, "Comma-separated committee codes, e.g. P, A&H; created if absent; blank: none."),
        new(DiscontinuedFrom, false, "A period label such as 2019/20 Q1; blank: active."),
        new(Description, false, "Free text; blank: none."),
        new(DecimalPlaces, false, "A whole number from 0 to 6: the decimals figures are shown with; blank: 1 for %, else 0 (an existing measure keeps its own)."),
    ]);

    public static readonly ImportSheet TargetsSheet = new(Targets, true, "Targets: one row per measure and financial year, or per period for a target specific to that period.",
    [
        new(Code, true, "A measure code that exists in the database or on the Measures sheet."),
        new(Year, true, "A financial year such as 2019/20."),
        new(Target, false, "A number in the measure's unit (required unless the measure is Within range)."),
        new(TargetLow, false, "For Within range measures: the low end of the range."),
        new(TargetHigh, false, "For Within range measures: the high end of the range."),
        new(Period, false, "A quarter or month of the year (2019/20 Q2, Sep-19) for a target specific to that period; blank: the whole year."),
    ]);

    public static readonly ImportSheet OutturnsSheet = new(Outturns, true, "Outturns (figures): one row per measure and period.",
    [
        new(Code, true, "A measure code that exists in the database or on the Measures sheet."),
        new(Period, true, "2019/20 Q2, Sep-19, 2019-09 or 2019/20 (a date means its month), matching the measure's frequency."),
        new(Value, false, "A number in the measure's unit: 84.8 means 84.8%; a cell formatted as a percentage (0.848) is read as 84.8 for a % measure."),
        new(Status, false, $"{Domain.Outturns.OutturnStatusText.Label(Domain.Outturns.OutturnStatus.Tbc)} | {Domain.Outturns.OutturnStatusText.Label(Domain.Outturns.OutturnStatus.NotApplicable)} | {Domain.Outturns.OutturnStatusText.Label(Domain.Outturns.OutturnStatus.NotAvailable)} | blank. Value must be blank when Status is set."),
        new(Provisional, false, "Y | N; blank: N."),
        new(Commentary, false, "Free text."),
    ]);

    public static readonly ImportSheet BudgetLinesSheet = new(BudgetLines, false, "Finance: budget lines by service area, one row per quarter and service area (checked and saved as on the finance entry page). Optional.",
    [
        new(Period, true, "The quarter, such as 2019/20 Q2."),
        new(ServiceArea, true, "The service area, such as Adult Services. An existing line of the quarter is updated."),
        new(ApprovedBudget, false, "The approved budget in £m (required unless Remove is Y)."),
        new(ForecastOutturn, false, "The forecast outturn in £m (required unless Remove is Y)."),
        new(Remove, false, "Y removes the quarter's line for the service area; blank: N."),
    ]);

    public static readonly ImportSheet BudgetPositionSheet = new(BudgetPosition, false, "Finance: the council's budget position statement, one row per quarter. Optional.",
    [
        new(Period, true, "The quarter, such as 2019/20 Q2."),
        new(Variance, true, "The projected variance in £m: positive an overspend, negative an underspend."),
        new(Rating, false, "Green | Amber | Red | blank (no rating)."),
        new(Commentary, false, "Free text."),
    ]);

    public static readonly ImportSheet PlansSheet = new(Plans, false, "Council plans (one per council term), checked and saved as on the plan form. Optional.",
    [
        new(Name, true, "The plan's name, e.g. Council Plan 2022–26. An existing plan of that name is updated."),
        new(FirstYear, true, "The first financial year it covers, such as 2022/23."),
        new(LastYear, true, "The last financial year it covers, such as 2025/26; plans that are not retired may not overlap."),
        new(Retired, false, "Y keeps the plan for history only (no new rings); blank: N."),
    ]);

    public static readonly ImportSheet RingsSheet = new(Rings, false, "Rings (segment groups) of a plan's wheel. Optional.",
    [
        new(PlanName, true, "A plan by name, in the database or on the Plans sheet (not retired, for a new ring)."),
        new(Name, true, "The ring's name. An existing ring of the plan with that name is updated."),
        new(Order, false, "A whole number for the ring's place on the wheel; blank: after the others (new) or unchanged (existing)."),
    ]);

    public static readonly ImportSheet ProjectsSheet = new(Projects, false, "Projects and programmes, checked and saved as on the project form. Optional.",
    [
        new(Code, true, "The project's code, e.g. PRJ-1. An existing code updates that project."),
        new(Title, true, "The project's title."),
        new(Segment, true, "A segment code that exists in the database or on the Segments sheet."),
        new(Directorate, true, "The directorate that reports the project, by name: in the database or created by the Measures sheet."),
        new(Retired, false, "Y retires the project (it takes no more updates; it cannot come back); blank: N."),
    ]);

    public static readonly ImportSheet ProjectUpdatesSheet = new(ProjectUpdates, false,
        "Project updates, one row per project and quarter, saved as on the project updates page; a programme's further milestones take a row each below it. Optional.",
    [
        new(ProjectCode, true, "A project code that exists in the database or on the Projects sheet."),
        new(Period, true, "The quarter, such as 2019/20 Q2."),
        new(Brag, false, "Blue (complete) | Green | Amber | Red (also B, G, A, R); required on the quarter's first row."),
        new(Direction, false, "Milestone achieved | Progressing | Missed or at risk; required on the quarter's first row."),
        new(AreasOfSuccess, false, "Free text; blank: none."),
        new(AreasOfConcern, false, "Free text; blank: none."),
        new(NextFocus, false, "Free text; blank: none."),
        new(Milestone, false, "A milestone's title; the update's milestones are exactly those on its rows."),
        new(MilestoneDue, false, "The milestone's due date: a date cell, 2020-03-31 or 31/03/2020; blank: none."),
        new(MilestoneState, false, "Not started | On track | Achieved | Missed; required with a milestone."),
    ]);

    /// <summary>The sheets in the order they are read and reported.</summary>
    public static IReadOnlyList<ImportSheet> Sheets { get; } =
        [PlansSheet, RingsSheet, SegmentsSheet, MeasuresSheet, TargetsSheet, OutturnsSheet, ProjectsSheet, ProjectUpdatesSheet, BudgetLinesSheet, BudgetPositionSheet];

    /// <summary>A header or sheet name as it is matched: trimmed, inner spaces collapsed, lower case (a trailing * is ignored).</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var parts = text.Replace('\u00A0', ' ').Trim().TrimEnd('*').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts).ToLowerInvariant();
    }

    /// <summary>The position of a sheet in <see cref="Sheets"/> (errors are sorted by it), or the end for workbook-level ones.</summary>
    public static int SheetOrder(string? sheet)
    {
        for (var i = 0; i < Sheets.Count; i++)
        {
            if (string.Equals(Sheets[i].Name, sheet, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return sheet is null ? -1 : Sheets.Count;
    }
}
