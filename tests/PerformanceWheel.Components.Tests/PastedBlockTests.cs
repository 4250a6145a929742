using PerformanceWheel.Web.Components.Pages.Outturns;
using Shouldly;

namespace PerformanceWheel.Components.Tests;

/// <summary>A block copied from a spreadsheet is read as Excel writes it to the clipboard.</summary>
public sealed class PastedBlockTests
{
    [Theory]
    [InlineData("84.8", "84.8")]
    [InlineData("84.8\r\n", "84.8")]
    [InlineData("1\t2\t3", "1|2|3")]
    [InlineData("1\t2\r\n3\t4\r\n", "1|2/3|4")]
    [InlineData("1\n2\n3\n", "1/2/3")]
    [InlineData("1\r2", "1/2")]
    [InlineData("1\t\t3", "1||3")]
    [InlineData("1\t", "1|")]
    [InlineData("1\n\n3", "1//3")]
    [InlineData(" 84.8 \t TBC ", "84.8|TBC")]
    [InlineData("\"a\tb\"\t2", "a\tb|2")]
    [InlineData("\"line\nbreak\"\r\n5", "line\nbreak/5")]
    [InlineData("\"say \"\"N/A\"\"\"", "say \"N/A\"")]
    [InlineData("5\"\t6", "5\"|6")]
    public void ExcelsClipboardTextIsReadAsRowsOfCells(string text, string expected)
    {
        var block = PastedBlock.Parse(text);

        string.Join("/", block.Rows.Select(r => string.Join("|", r))).ShouldBe(expected);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("84.8", false)]
    [InlineData("84.8\r\n", false)]
    [InlineData("84.8\t90", true)]
    [InlineData("84.8\n90", true)]
    public void OnlyMoreThanOneCellIsABlock(string text, bool isBlock) => PastedBlock.Parse(text).IsBlock.ShouldBe(isBlock);

    [Fact]
    public void NothingPastedHasNoRows() => PastedBlock.Parse(null).Rows.ShouldBeEmpty();
}
