using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PerformanceWheel.Workbooks;

/// <summary>Per cell style: whether its number format shows a percentage or a date.</summary>
internal sealed class NumberFormats
{
    private readonly bool[] _percent = [];
    private readonly bool[] _date = [];

    public NumberFormats(Stylesheet? stylesheet)
    {
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList();
        if (formats is null)
        {
            return;
        }

        var custom = stylesheet!.NumberingFormats?.Elements<NumberingFormat>()
            .Where(n => n.NumberFormatId?.Value is not null)
            .GroupBy(n => n.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? string.Empty) ?? [];
        _percent = new bool[formats.Count];
        _date = new bool[formats.Count];
        for (var i = 0; i < formats.Count; i++)
        {
            var id = formats[i].NumberFormatId?.Value ?? 0;
            if (custom.TryGetValue(id, out var code))
            {
                var bare = Bare(code);
                _percent[i] = bare.Contains('%', StringComparison.Ordinal);
                _date[i] = !_percent[i] && bare.IndexOfAny(['d', 'D', 'm', 'M', 'y', 'Y', 'h', 'H', 's', 'S']) >= 0
                    && !bare.Contains("general", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                _percent[i] = id is 9 or 10;
                _date[i] = id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);
            }
        }
    }

    public bool IsPercent(uint style) => style < _percent.Length && _percent[style];

    public bool IsDate(uint style) => style < _date.Length && _date[style];

    /// <summary>A format code without its quoted text, escaped characters, [colour/condition] parts and padding.</summary>
    private static string Bare(string code)
    {
        var section = code.Split(';')[0];
        var builder = new StringBuilder();
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            switch (c)
            {
                case '"':
                    var end = section.IndexOf('"', i + 1);
                    i = end < 0 ? section.Length : end;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var close = section.IndexOf(']', i + 1);
                    var inside = close < 0 ? string.Empty : section[(i + 1)..close];
                    if (inside.Length > 0 && inside.All(ch => ch is 'h' or 'H' or 'm' or 'M' or 's' or 'S'))
                    {
                        builder.Append(inside); // elapsed time [h]:mm
                    }

                    i = close < 0 ? section.Length : close;
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
