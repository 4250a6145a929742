using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Outturns;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Web.Components.Pages.Outturns;

/// <summary>
/// What an officer has typed in the interactive grid (OutturnGrid), before it is saved: a line per measure with a cell
/// per period due (a monthly measure's three months side by side), each read as typed and previewed.
/// </summary>
public sealed class GridSheet
{
    public GridSheet(EntryGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Grid = grid;
        Lines = grid.Rows.GroupBy(r => r.Measure.Code, StringComparer.Ordinal)
            .Select((g, i) => new GridLine(i, g.First().Measure, g.Select((r, c) => new GridCell(i, c, r)).ToList()))
            .ToList();
        foreach (var line in Lines)
        {
            Preview(line);
        }
    }

    public EntryGrid Grid { get; }

    public IReadOnlyList<GridLine> Lines { get; }

    /// <summary>The most periods a line has (three when a monthly measure is due).</summary>
    public int Columns => Lines.Count == 0 ? 1 : Lines.Max(l => l.Cells.Count);

    public IEnumerable<GridCell> Cells => Lines.SelectMany(l => l.Cells);

    public bool IsDirty => Cells.Any(c => c.IsChanged);

    public bool HasProblems => Cells.Any(c => !c.Reading.IsValid);

    public GridCell? Find(string id) => Cells.FirstOrDefault(c => c.Id == id);

    /// <summary>The cell below (Enter): the same column of the next line that can change, or its last column when it has fewer.</summary>
    public GridCell? Below(GridCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        foreach (var line in Lines.Skip(cell.Line + 1))
        {
            var target = line.Cells[Math.Min(cell.Column, line.Cells.Count - 1)];
            if (!target.IsLocked)
            {
                return target;
            }
        }

        return null;
    }

    /// <summary>Takes what was typed in a cell, reads it and previews its measure again.</summary>
    public void Type(GridCell cell, string? text)
    {
        ArgumentNullException.ThrowIfNull(cell);
        cell.Text = text ?? string.Empty;
        cell.Reading = FigureCell.Read(cell.Row.Measure, cell.Text);
        Preview(Lines[cell.Line]);
    }

    /// <summary>
    /// Fills the cells a pasted block covers from <paramref name="start"/> (down the lines, across the periods): a cell
    /// takes a figure that reads; a blank pasted cell leaves the grid's cell as it is; anything else is refused with why.
    /// </summary>
    public PasteSummary Paste(GridCell start, PastedBlock block)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(block);
        var taken = new List<GridCell>();
        var refused = new List<string>();
        for (var r = 0; r < block.Rows.Count; r++)
        {
            var lineIndex = start.Line + r;
            for (var c = 0; c < block.Rows[r].Count; c++)
            {
                var text = block.Rows[r][c];
                if (text.Length == 0)
                {
                    continue;
                }

                var where = $"pasted row {r + 1}, column {c + 1} ('{text}')";
                if (lineIndex >= Lines.Count)
                {
                    refused.Add($"{where}: below the last measure of the grid.");
                    continue;
                }

                var line = Lines[lineIndex];
                var column = start.Column + c;
                if (column >= line.Cells.Count)
                {
                    refused.Add($"{where}: {line.Measure.Code} has {Counted.Of(line.Cells.Count, "period")} due, so there is no cell there.");
                    continue;
                }

                var cell = line.Cells[column];
                if (cell.IsLocked)
                {
                    refused.Add($"{where}: {cell.Name} is {cell.Row.Outturn!.State.InSentence()} and cannot change here.");
                    continue;
                }

                var reading = FigureCell.Read(line.Measure, text);
                if (!reading.IsValid)
                {
                    refused.Add($"{where}: {cell.Name}: {reading.Problem}");
                    continue;
                }

                cell.Text = text;
                cell.Shown = text;
                cell.Reading = reading;
                taken.Add(cell);
            }
        }

        foreach (var line in taken.Select(c => Lines[c.Line]).Distinct())
        {
            Preview(line);
        }

        return new PasteSummary(taken, refused);
    }

    /// <summary>
    /// The changed cells as inputs of the save command (unchanged ones are not sent, so they cannot conflict), each with
    /// the version it was read at: 0 for a figure that was not entered then, so one entered by someone else since is a conflict.
    /// </summary>
    public IReadOnlyList<EntryInput> Changes() =>
        Cells.Where(c => c.IsChanged)
            .Select(c => c.Reading.ToInput(c.Row.Measure.Code, c.Row.Period.Code, c.Text, c.Provisional, c.Commentary, c.Row.Outturn?.Version ?? 0))
            .ToList();

    private static void Preview(GridLine line)
    {
        var typed = line.Cells.ToDictionary(c => c.Row.Period, c => c.Reading);
        foreach (var cell in line.Cells)
        {
            cell.Preview = FigureCell.Preview(cell.Row, typed);
        }
    }
}

/// <summary>A measure's line of the grid.</summary>
public sealed record GridLine(int Index, Measure Measure, IReadOnlyList<GridCell> Cells)
{
    /// <summary>
    /// The director's reason when any of the line's figures is returned; when months were returned with different
    /// reasons (the review returns one figure at a time), each with its month ("Oct-19: …; Nov-19: …").
    /// </summary>
    public string? ReturnReason
    {
        get
        {
            var returned = Cells.Where(c => c.Row.ReturnReason is not null).ToList();
            return returned.Select(c => c.Row.ReturnReason).Distinct(StringComparer.Ordinal).Count() switch
            {
                0 => null,
                1 => returned[0].Row.ReturnReason,
                _ => string.Join("; ", returned.Select(c => $"{c.Row.Period.Label}: {c.Row.ReturnReason}")),
            };
        }
    }

    public bool IsLocked => Cells.All(c => c.IsLocked);
}

/// <summary>One figure of the grid: what is stored, what is typed, how it reads and how it would be rated.</summary>
public sealed class GridCell
{
    public GridCell(int line, int column, EntryRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Line = line;
        Column = column;
        Row = row;
        StoredText = row.Outturn is { } o
            ? o.Value is { } v ? FigureText.ForEditing(v) : OutturnStatusText.Label(o.Status)
            : string.Empty;
        Text = StoredText;
        Shown = StoredText;
        Reading = FigureCell.Read(row.Measure, Text);
        Provisional = row.Outturn?.IsProvisional ?? false;
        Commentary = row.Outturn?.Commentary;
    }

    public int Line { get; }

    public int Column { get; }

    public EntryRow Row { get; }

    /// <summary>The id of the cell's input (value-{measure}-{period}), as the grid always named it.</summary>
    public string Id => FieldId(Row.Measure.Code, Row.Period.Code);

    /// <summary>The id of a figure's input: value-{measure}-{period}, spaces and slashes as hyphens (value-PH-01-2019-20-Q3).</summary>
    public static string FieldId(string measure, string period) => "value-" + (measure + "-" + period).Replace(' ', '-').Replace('/', '-');

    /// <summary>The figure's name in messages: "PH-01 Nov-19".</summary>
    public string Name => $"{Row.Measure.Code} {Row.Period.Label}";

    public string StoredText { get; }

    public string Text { get; set; }

    /// <summary>
    /// What the program last put in the cell's box (the stored figure, a pasted value, what was kept after a failed save).
    /// The box renders this, not <see cref="Text"/>: typing changes only Text, so a re-render while someone types never
    /// writes an older value over keys the server has not seen yet (which lost the "." of "70.0" in the browser).
    /// </summary>
    public string Shown { get; set; }

    public FigureReading Reading { get; set; }

    public bool Provisional { get; set; }

    public string? Commentary { get; set; }

    public MeasureResult? Preview { get; set; }

    /// <summary>The message of the last save for this figure (a conflict or a refusal), shown beside it.</summary>
    public string? SaveProblem { get; set; }

    public bool IsLocked => Row.Outturn is { } o && WorkflowSteps.IsLocked(o.State);

    public bool IsChanged => !IsLocked && (Text.Trim() != StoredText
        || Provisional != (Row.Outturn?.IsProvisional ?? false)
        || (string.IsNullOrWhiteSpace(Commentary) ? null : Commentary) != (string.IsNullOrWhiteSpace(Row.Outturn?.Commentary) ? null : Row.Outturn?.Commentary));

    /// <summary>The message to show under the cell: how it reads as typed, else what the last save said.</summary>
    public string? Message => Reading.Problem ?? SaveProblem;
}

/// <summary>What a paste filled and what it refused, and why.</summary>
public sealed record PasteSummary(IReadOnlyList<GridCell> Taken, IReadOnlyList<string> Refused)
{
    public string Text =>
        $"Pasted {Counted.Of(Taken.Count, "figure")} into {Counted.Of(Taken.Select(c => c.Line).Distinct().Count(), "measure")}"
        + (Refused.Count == 0 ? "." : $"; refused {Refused.Count}.");
}
