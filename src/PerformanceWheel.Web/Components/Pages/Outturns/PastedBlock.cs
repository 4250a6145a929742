using System.Text;

namespace PerformanceWheel.Web.Components.Pages.Outturns;

/// <summary>
/// A block of cells copied from a spreadsheet (Excel writes the clipboard as tab-separated text: a line per row, a tab
/// between cells, a cell holding a tab, quote or line break wrapped in double quotes with its quotes doubled). The final
/// line break Excel adds after the last row is not a row.
/// </summary>
public sealed class PastedBlock
{
    private PastedBlock(IReadOnlyList<IReadOnlyList<string>> rows) => Rows = rows;

    /// <summary>The rows, top to bottom, each with its cells left to right (trimmed).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    /// <summary>Whether the text is more than one cell (a tab or a line break outside quotes): a single value pastes as typing does.</summary>
    public bool IsBlock => Rows.Count > 1 || (Rows.Count == 1 && Rows[0].Count > 1);

    public static PastedBlock Parse(string? text)
    {
        var rows = new List<IReadOnlyList<string>>();
        if (string.IsNullOrEmpty(text))
        {
            return new PastedBlock(rows);
        }

        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var atCellStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when atCellStart:
                    quoted = true;
                    atCellStart = false;
                    break;
                case '\t':
                    row.Add(cell.ToString().Trim());
                    cell.Clear();
                    atCellStart = true;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    row.Add(cell.ToString().Trim());
                    rows.Add(row);
                    row = [];
                    cell.Clear();
                    atCellStart = true;
                    break;
                default:
                    cell.Append(c);
                    atCellStart = false;
                    break;
            }
        }

        // The last row, unless the text ended with its line break.
        if (!atCellStart || row.Count > 0 || cell.Length > 0)
        {
            row.Add(cell.ToString().Trim());
            rows.Add(row);
        }

        return new PastedBlock(rows);
    }
}
