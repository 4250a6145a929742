using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Tests.Support;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Rating;
using Shouldly;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Application.Tests.Framework;

/// <summary>A target set through the measure's targets form and through a workbook import follows the same rules and ends alike.</summary>
public sealed class OneTargetRuleForFormAndImportOnSqlite
{
    [Fact]
    public async Task AYearTargetAndThenAChangeAreStoredAndAuditedAlike()
    {
        await using var byForm = await CouncilWithMeasureAsync(Polarity.HigherIsBetter);
        await using var byImport = await CouncilWithMeasureAsync(Polarity.HigherIsBetter);
        var id = await byForm.MeasureIdAsync("M1");

        (await byForm.SetTargetAsync(id, new TargetDraft("2019/20", null, 80, null, null))).Problems.ShouldBeEmpty();
        (await byForm.SetTargetAsync(id, new TargetDraft("2019/20", "2019/20 Q2", 82.5m, null, null))).Problems.ShouldBeEmpty();
        (await byForm.SetTargetAsync(id, new TargetDraft("2019/20", null, 85, null, null))).Problems.ShouldBeEmpty();
        (await byImport.ImportAsync(SampleWorkbooks.Targets(Row("M1", "2019/20", 80, null, null, null), Row("M1", "2019/20", 82.5, null, null, "2019/20 Q2")))).Errors.ShouldBeEmpty();
        (await byImport.ImportAsync(SampleWorkbooks.Targets(Row("M1", "2019/20", 85, null, null, null)))).Errors.ShouldBeEmpty();

        Targets(await byImport.MeasureAsync("M1")).ShouldBe(Targets(await byForm.MeasureAsync("M1")));
        var audit = Stored.Audit(await byForm.AuditAsync("Measure target", "M1"));
        audit.ShouldBe(Stored.Audit(await byImport.AuditAsync("Measure target", "M1")));
        audit[^1].ShouldStartWith("Updated | Target 2019/20: 80 → 85 |");
    }

    [Fact]
    public async Task ARangeTargetWithoutItsHighIsRefusedWithTheSameMessageThroughBoth()
    {
        await using var council = await CouncilWithMeasureAsync(Polarity.WithinRange);
        var id = await council.MeasureIdAsync("M1");

        var form = await council.SetTargetAsync(id, new TargetDraft("2019/20", null, null, 10, null));
        var report = await council.ImportAsync(SampleWorkbooks.Targets(Row("M1", "2019/20", null, 10, null, null)));

        var message = form.Problems.ShouldHaveSingleItem();
        message.Field.ShouldBe("High");
        report.Errors.ShouldBe([new Import.ImportError("Targets", 2, "Target high", message.Message)]);
        message.Message.ShouldBe("M1 is rated Within range: give a target high.");
        (await council.MeasureAsync("M1"))!.Targets.ShouldBeEmpty();
    }

    [Fact]
    public async Task ARangeTargetIsStoredAndAuditedAlike()
    {
        await using var byForm = await CouncilWithMeasureAsync(Polarity.WithinRange);
        await using var byImport = await CouncilWithMeasureAsync(Polarity.WithinRange);
        var id = await byForm.MeasureIdAsync("M1");

        (await byForm.SetTargetAsync(id, new TargetDraft("2020/21", null, null, 10, 20))).Problems.ShouldBeEmpty();
        (await byImport.ImportAsync(SampleWorkbooks.Targets(Row("M1", "2020/21", null, 10, 20, null)))).Errors.ShouldBeEmpty();

        Targets(await byImport.MeasureAsync("M1")).ShouldBe(Targets(await byForm.MeasureAsync("M1")));
        Stored.Audit(await byImport.AuditAsync("Measure target", "M1"))
            .ShouldBe(Stored.Audit(await byForm.AuditAsync("Measure target", "M1")));
    }

    private static async Task<Council> CouncilWithMeasureAsync(Polarity polarity)
    {
        var council = await Council.CreateAsync();
        var draft = await Stored.DraftAsync(council, "M1") with { Polarity = polarity };
        (await council.SaveMeasureAsync(null, draft)).Problems.ShouldBeEmpty();
        return council;
    }

    private static string[] Targets(Measure? m)
    {
        m.ShouldNotBeNull();
        return [.. m.Targets.OrderBy(t => t.Year).ThenBy(t => t.Period?.Label)
            .Select(t => $"{t.Year.Label} {t.Period?.Label} {t.Value:0.####} {t.Low:0.####} {t.High:0.####}")];
    }
}
