using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using static PerformanceWheel.Application.Framework.CommandSteps;

namespace PerformanceWheel.Application.Framework;

/// <summary>
/// Creates and changes measures for the measure form. The rules and the audit text are <see cref="MeasureRules"/>'s,
/// which the workbook import applies too; this class finds what the form refers to by id.
/// </summary>
public sealed class MeasureCommands(IDbContextFactory<PerformanceWheelDbContext> contexts, TimeProvider clock)
{
    /// <summary>Creates a measure (when <paramref name="id"/> is null) or changes one. Nothing is saved unless every field is right.</summary>
    public async Task<ChangeResult> SaveAsync(int? id, MeasureDraft draft, string by)
    {
        await using var db = await contexts.CreateDbContextAsync();
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<FieldProblem>();
        Measure? measure = null;
        if (id is { } existingId)
        {
            measure = await Whole(db.Measures).FirstOrDefaultAsync(m => m.Id == existingId);
            if (measure is null)
            {
                return ChangeResult.Failed(FrameworkFields.Code, $"There is no measure with the id {existingId}.");
            }
        }

        if (measure is null && draft.Code?.Trim() is { Length: > 0 } code && await db.Measures.AnyAsync(m => m.Code == code))
        {
            problems.Add(new(FrameworkFields.Code, $"A measure with the code {code} already exists."));
        }

        var directorate = await db.Directorates.FirstOrDefaultAsync(d => d.Id == draft.DirectorateId);

        Segment? segment = null;
        if (draft.SegmentId is { } segmentId && (segment = await db.Segments.FirstOrDefaultAsync(s => s.Id == segmentId)) is null)
        {
            problems.Add(new(FrameworkFields.Segment, "Choose a segment from the list, or none."));
        }

        var committees = await CommitteesAsync(db, draft.CommitteeIds, problems);
        ReportingPeriod? discontinuedFrom = null;
        if (!string.IsNullOrWhiteSpace(draft.DiscontinuedFrom))
        {
            if (ReportingPeriod.TryParse(draft.DiscontinuedFrom, out var from))
            {
                discontinuedFrom = from;
            }
            else
            {
                problems.Add(new(FrameworkFields.DiscontinuedFrom, $"'{draft.DiscontinuedFrom}' is not a period; expected 2019/20 Q2, Sep-19 or 2019/20."));
            }
        }

        var benchmarks = ParseBenchmarks(draft.BenchmarksText, problems);
        var before = measure is null ? null : FrameworkAudit.Describe(measure);
        var values = new MeasureValues(draft.Code, draft.Title, draft.Description, draft.DataNotes, draft.UnitText, draft.DecimalPlaces, draft.Polarity,
            draft.Frequency, draft.Aggregation, draft.ToleranceType, draft.ToleranceValue, draft.SteadyThreshold, directorate, segment, committees, benchmarks,
            discontinuedFrom);
        var changed = MeasureRules.Apply(measure, values, problems);
        if (changed is null)
        {
            return Abandon(db, problems);
        }

        if (measure is null)
        {
            db.Measures.Add(changed);
        }

        if (MeasureRules.Audit(by, clock.GetUtcNow(), before, changed) is { } entry)
        {
            db.AuditEntries.Add(entry);
        }

        await db.SaveChangesAsync();
        return ChangeResult.Saved(changed.Id);
    }

    /// <summary>Reads benchmark lines "Label | value | period", e.g. "National average | 89.7 | 2018/19".</summary>
    public static IReadOnlyList<(string Label, decimal Value, string? Period)> ParseBenchmarks(string? text, ICollection<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var result = new List<(string, decimal, string?)>();
        var lines = (text ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines)
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length is < 2 or > 3 || parts[0].Length == 0
                || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                problems.Add(new(FrameworkFields.Benchmarks, $"'{line}' is not a benchmark; write one per line as: label | value | period (the period is optional)."));
                continue;
            }

            if (parts[0].Length > Lengths.Name || (parts.Length == 3 && parts[2].Length > Lengths.Label))
            {
                problems.Add(new(FrameworkFields.Benchmarks, $"'{line}' is too long: labels are at most {Lengths.Name} characters and periods at most {Lengths.Label}."));
                continue;
            }

            result.Add((parts[0], value, parts.Length == 3 && parts[2].Length > 0 ? parts[2] : null));
        }

        return result;
    }

    /// <summary>Measures with everything a change or the form needs: directorate, segment, committees, benchmarks and targets.</summary>
    internal static IQueryable<Measure> Whole(IQueryable<Measure> measures) =>
        measures.Include(m => m.Directorate).Include(m => m.Segment).Include(m => m.Committees)
            .Include(m => m.Benchmarks).Include(m => m.Targets).AsSplitQuery();
}
