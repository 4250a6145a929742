using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Workflow;

/// <summary>One segment on the assessment sheet: today's suggestion with the counts behind it, and the judgement so far.</summary>
public sealed record AssessmentRow(SegmentLine Line, SegmentAssessment? Assessment)
{
    public string Code => Line.Code;

    /// <summary>The figures changed since the judgement: the suggestion it was made against is no longer today's.</summary>
    public bool SuggestionChangedSinceJudged => Assessment is { JudgedRag: not null } a && a.SuggestedRag != Line.Suggested;
}

/// <summary>Every segment of the plan in force for a quarter, ready to be judged.</summary>
public sealed record AssessmentSheet(
    ReportingPeriod Quarter,
    string? PlanName,
    SegmentRatingMethod Method,
    bool IsPublished,
    IReadOnlyList<GroupLine> Groups,
    IReadOnlyList<AssessmentRow> Rows,
    IReadOnlyList<AuditEntry> History)
{
    public AssessmentRow? Row(string segmentCode) => Rows.FirstOrDefault(r => string.Equals(r.Code, segmentCode, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// What a person chose for one segment. <paramref name="Judged"/> and <paramref name="Direction"/> are the names of a
/// rating (Green, Amber, Red) and a direction (Improving, Steady, Declining), or empty to use the suggestion;
/// <paramref name="Version"/> is the judgement's version when the page was opened (null: there was none);
/// <paramref name="Reason"/> is required to change the judgement of a published quarter.
/// </summary>
public sealed record AssessmentInput(string SegmentCode, string? Judged, string? Rationale, string? Direction, string? Reason, int? Version);

/// <summary>The outcome of one segment: saved, unchanged, or the message to show next to the named field.</summary>
public sealed record AssessmentOutcome(string SegmentCode, bool Saved, string? Field, string? Message)
{
    public bool Failed => Message is not null;
}

/// <summary>
/// Judging the segments of the wheel for a quarter: Admin and PerformanceOfficer set a judged RAG (or keep the rating
/// suggested by the segment's measures and projects), a rationale — required when the judgement differs from today's
/// suggestion — and a direction of travel. Each segment saves on its own: a bad row says why next to its field and does
/// not stop the others. Optimistic concurrency on the judgement's Version: a stale save is refused with the other
/// person's judgement named, and the page keeps what the user typed. Every change leaves an audit entry
/// ("Segment assessment", "{quarter} {code}", "Field: old → new").
/// <para>
/// Published quarters are not locked, in the same way as OutturnWorkflow treats published figures: a published figure
/// can only be changed by a correction with a reason, which leaves a revision. Likewise, once the quarter is published
/// (PeriodPublication: one of its figures is Published), a judgement can still be changed, but only with a reason for
/// the change; that change is audited as "Corrected" with the reason, and councillors see the corrected judgement at once.
/// Before publication changes are audited as "Judged" and need no reason.
/// </para>
/// </summary>
public sealed class SegmentAssessments(IDbContextFactory<PerformanceWheelDbContext> contexts, PerformanceReader performance, TimeProvider clock)
{
    public const string AuditType = "Segment assessment";

    private const int AuditValueLength = 200;

    /// <summary>Ratings a person may judge a segment (Blue stands apart, as in the suggestion).</summary>
    public static IReadOnlyList<RagStatus> JudgeableRatings { get; } = [RagStatus.Green, RagStatus.Amber, RagStatus.Red];

    /// <summary>The sheet for a quarter, suggestions computed from every figure (drafts included): the people judging see those.</summary>
    public async Task<AssessmentSheet> SheetAsync(ReportingPeriod quarter, CancellationToken cancellationToken = default)
    {
        quarter = PerformanceReader.AsQuarter(quarter);
        var evaluation = await performance.EvaluateAsync(quarter, FigureScope.Everything, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assessments = await db.SegmentAssessments.AsNoTracking()
            .Include(a => a.Segment)
            .Where(a => a.Period == quarter)
            .ToListAsync(cancellationToken);
        var rows = evaluation.Groups
            .SelectMany(g => g.Segments)
            .Select(s => new AssessmentRow(s, assessments.FirstOrDefault(a => a.Segment.Code == s.Code)))
            .ToList();
        var settings = await db.CouncilSettings.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        var prefix = quarter.Label + " ";
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == AuditType && a.EntityKey.StartsWith(prefix))
            .OrderByDescending(a => a.Id)
            .Take(50)
            .ToListAsync(cancellationToken);
        return new AssessmentSheet(
            quarter,
            evaluation.PlanName,
            (settings?.SchemeHistory ?? SchemeHistory.Plain).For(quarter.Year).SegmentRating,
            await PeriodPublication.IsPublishedAsync(db, quarter, cancellationToken),
            evaluation.Groups,
            rows,
            history);
    }

    /// <summary>Saves each segment's judgement that is valid and not stale; the others come back with their message.</summary>
    public async Task<IReadOnlyList<AssessmentOutcome>> SaveAsync(ReportingPeriod quarter, IReadOnlyList<AssessmentInput> inputs, string user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        quarter = PerformanceReader.AsQuarter(quarter);
        var evaluation = await performance.EvaluateAsync(quarter, FigureScope.Everything, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var published = await PeriodPublication.IsPublishedAsync(db, quarter, cancellationToken);
        var outcomes = new List<AssessmentOutcome>();
        foreach (var input in inputs)
        {
            var line = evaluation.Groups.SelectMany(g => g.Segments)
                .FirstOrDefault(s => string.Equals(s.Code, input.SegmentCode, StringComparison.OrdinalIgnoreCase));
            outcomes.Add(line is null
                ? new AssessmentOutcome(input.SegmentCode, false, "Judged", $"{input.SegmentCode} is not a segment of the plan for {quarter.Label}.")
                : await SaveRowAsync(db, quarter, line, published, input, user, cancellationToken));
        }

        return outcomes;
    }

    private async Task<AssessmentOutcome> SaveRowAsync(PerformanceWheelDbContext db, ReportingPeriod quarter, SegmentLine line, bool published, AssessmentInput input, string user, CancellationToken cancellationToken)
    {
        var code = line.Code;
        if (!TryParseRating(input.Judged, out var judged))
        {
            return new AssessmentOutcome(code, false, "Judged", $"'{input.Judged}' is not a rating; choose Green, Amber, Red or the suggestion.");
        }

        if (!TryParseDirection(input.Direction, out var direction))
        {
            return new AssessmentOutcome(code, false, "Direction", $"'{input.Direction}' is not a direction; choose Improving, Steady, Declining or the suggestion.");
        }

        var segment = await db.Segments.FirstAsync(s => s.Code == code, cancellationToken);
        var assessment = await db.SegmentAssessments.FirstOrDefaultAsync(a => a.SegmentId == segment.Id && a.Period == quarter, cancellationToken);
        if ((assessment?.Version ?? 0) != (input.Version ?? 0))
        {
            return Conflict(code, assessment);
        }

        var rationale = Normalize(input.Rationale);
        if (assessment is not null && assessment.JudgedRag == judged && assessment.Rationale == rationale && assessment.Direction == direction)
        {
            return new AssessmentOutcome(code, false, null, null);
        }

        if (assessment is null && judged is null && rationale is null && direction is null)
        {
            return new AssessmentOutcome(code, false, null, null);
        }

        if (published && string.IsNullOrWhiteSpace(input.Reason))
        {
            return new AssessmentOutcome(code, false, "Reason", MissingReason(quarter, code));
        }

        (RagStatus? Judged, string? Rationale, Direction? Direction)? before =
            assessment is null ? null : (assessment.JudgedRag, assessment.Rationale, assessment.Direction);
        try
        {
            if (assessment is null)
            {
                assessment = new SegmentAssessment(segment, quarter);
                db.SegmentAssessments.Add(assessment);
            }

            assessment.Suggest(line.Suggested);
            assessment.Judge(judged, rationale, direction, user, clock.GetUtcNow());
            var reason = published ? Guard.Required(input.Reason, "Reason for the change", Lengths.Text) : null;
            var changes = Changes(before, assessment, line.Suggested);
            db.AuditEntries.Add(new AuditEntry(
                user,
                assessment.UpdatedAt,
                published ? "Corrected" : "Judged",
                AuditType,
                Key(quarter, code),
                reason is null ? changes : $"{changes}; Reason: {Short(reason)}"));
            await db.SaveChangesAsync(cancellationToken);
            return new AssessmentOutcome(code, true, null, null);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            var field = e.Message.StartsWith("Reason", StringComparison.Ordinal) ? "Reason" : "Rationale";
            return new AssessmentOutcome(code, false, field, e.Message);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsClash(e))
        {
            // A concurrency token mismatch, or a judgement of the same segment and quarter inserted at the same moment;
            // any other failure goes on to the error page and its reference.
            db.ChangeTracker.Clear();
            var theirs = await db.SegmentAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.SegmentId == segment.Id && a.Period == quarter, cancellationToken);
            return Conflict(code, theirs);
        }
    }

    private static AssessmentOutcome Conflict(string code, SegmentAssessment? theirs)
    {
        var what = theirs is null
            ? "removed the judgement"
            : $"judged it {(theirs.JudgedRag?.ToString() ?? "as suggested")}{(theirs.Direction is { } d ? $", {d.Describe()}" : string.Empty)}";
        return new AssessmentOutcome(code, false, "Judged",
            $"{theirs?.UpdatedBy ?? "Someone"} {what} since you opened this page. Your choices are kept below: save again to replace theirs.");
    }

    /// <summary>Why a change to a judgement of a published quarter is refused without a reason.</summary>
    public static string MissingReason(ReportingPeriod quarter, string segmentCode) =>
        $"{quarter.Label} is published: give the reason for changing the judgement of {segmentCode}.";

    /// <summary>
    /// A short fingerprint of a judgement as a form shows it (rating, rationale, direction), so a page can send only the
    /// segments a person changed: rows left as they were are not saved and cannot conflict.
    /// </summary>
    public static string Fingerprint(string? judged, string? rationale, string? direction)
    {
        var rating = TryParseRating(judged, out var r) ? r?.ToString() ?? string.Empty : judged?.Trim() ?? string.Empty;
        var travel = TryParseDirection(direction, out var d) ? d?.ToString() ?? string.Empty : direction?.Trim() ?? string.Empty;
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{rating}\u001f{Normalize(rationale)}\u001f{travel}"));
        return Convert.ToHexString(bytes, 0, 8);
    }

    public static string Fingerprint(SegmentAssessment? assessment) =>
        Fingerprint(assessment?.JudgedRag?.ToString(), assessment?.Rationale, assessment?.Direction?.ToString());

    /// <summary>Text as stored: trimmed, line breaks as \n (browsers send \r\n), null when empty.</summary>
    private static string? Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>The audit key of a segment's judgement for a quarter.</summary>
    public static string Key(ReportingPeriod quarter, string segmentCode)
    {
        var key = $"{quarter.Label} {segmentCode}";
        return key.Length <= Lengths.Label ? key : key[..Lengths.Label];
    }

    /// <summary>"" or "suggested" → null (use the suggestion); G/A/R or Green/Amber/Red → the rating.</summary>
    public static bool TryParseRating(string? text, out RagStatus? rating)
    {
        rating = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("suggested", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (RagStatusExtensions.TryParseLetterOrName(text, out var parsed) && JudgeableRatings.Contains(parsed))
        {
            rating = parsed;
            return true;
        }

        return false;
    }

    /// <summary>"" or "suggested" → null (use the direction of its measures); otherwise Improving, Steady or Declining.</summary>
    public static bool TryParseDirection(string? text, out Direction? direction)
    {
        direction = null;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Equals("suggested", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (Enum.TryParse<Direction>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            direction = parsed;
            return true;
        }

        return false;
    }

    private static string Changes((RagStatus? Judged, string? Rationale, Direction? Direction)? before, SegmentAssessment after, RagStatus? suggested)
    {
        var lines = new List<string>();
        if (before?.Judged != after.JudgedRag || before is null)
        {
            lines.Add($"Judged: {Rating(before?.Judged)} → {Rating(after.JudgedRag)} (suggested {suggested?.ToString() ?? "none"})");
        }

        if (before?.Rationale != after.Rationale)
        {
            lines.Add($"Rationale: {Short(before?.Rationale) ?? "none"} → {Short(after.Rationale) ?? "none"}");
        }

        if (before?.Direction != after.Direction)
        {
            lines.Add($"Direction: {before?.Direction?.ToString() ?? "suggested"} → {after.Direction?.ToString() ?? "suggested"}");
        }

        return string.Join("; ", lines);
    }

    private static string Rating(RagStatus? rating) => rating?.ToString() ?? "suggestion";

    private static string? Short(string? text) =>
        text is null ? null : text.Length <= AuditValueLength ? text : text[..(AuditValueLength - 1)] + "…";
}
