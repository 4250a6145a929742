using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Tests.Support;
using Shouldly;
using static PerformanceWheel.TestSupport.TestWorkbook;

namespace PerformanceWheel.Application.Tests.Framework;

/// <summary>Directorates and segments the import creates are stored and audited as the admin forms create them.</summary>
public sealed class OneAuditForFormAndImportOnSqlite
{
    [Fact]
    public async Task ADirectorateNamedByAnImportedMeasureIsAuditedAsTheFormAuditsANewOne()
    {
        await using var byForm = await Council.CreateAsync();
        await using var byImport = await Council.CreateAsync();

        (await byForm.RunAsync((db, clock) => new DirectorateCommands(db, clock), c => c.SaveAsync(null, "Housing", false, Council.Officer))).Problems.ShouldBeEmpty();
        var row = Stored.ImportRow("M1");
        row[Array.IndexOf(SampleWorkbooks.MeasuresHeader, "Directorate")] = "Housing";
        (await byImport.ImportAsync(SampleWorkbooks.Measures(row))).Errors.ShouldBeEmpty();

        var audit = Stored.Audit(await byForm.AuditAsync("Directorate", "Housing"));
        audit.ShouldBe(Stored.Audit(await byImport.AuditAsync("Directorate", "Housing")));
        audit.ShouldHaveSingleItem().ShouldStartWith("Created | Name: Housing; Retired: No |");
    }

    [Fact]
    public async Task ASegmentCreatedByTheImportIsStoredAndAuditedAsTheFormCreatesIt()
    {
        await using var byForm = await Council.CreateAsync();
        await using var byImport = await Council.CreateAsync();
        int ringId;
        await using (var db = byForm.Context())
        {
            ringId = await db.SegmentGroups.Where(g => g.Name == "Communities").Select(g => g.Id).SingleAsync();
        }

        (await byForm.RunAsync((db, clock) => new SegmentCommands(db, clock), c => c.SaveAsync(null, new SegmentDraft(ringId, "S2", "Parks", null, 2, [], false), Council.Officer)))
            .Problems.ShouldBeEmpty();
        (await byImport.ImportAsync(new PerformanceWheel.TestSupport.TestWorkbook()
            .Sheet("Segments", Row("Code", "Name", "Group", "Order"), Row("S2", "Parks", "Communities", 2))
            .Sheet("Measures", SampleWorkbooks.MeasuresHeader).Sheet("Targets", SampleWorkbooks.TargetsHeader).Sheet("Outturns", SampleWorkbooks.OutturnsHeader))).Errors.ShouldBeEmpty();

        (await SegmentAsync(byImport)).ShouldBe(await SegmentAsync(byForm));
        var audit = Stored.Audit(await byForm.AuditAsync("Segment", "S2"));
        audit.ShouldBe(Stored.Audit(await byImport.AuditAsync("Segment", "S2")));
        audit.ShouldHaveSingleItem().ShouldStartWith("Created | Code: S2; Title: Parks; Order: 2; Retired: No |");
    }

    private static async Task<string> SegmentAsync(Council council)
    {
        await using var db = council.Context();
        var s = await db.Segments.AsNoTracking().Include(x => x.Group).Include(x => x.Committees).SingleAsync(x => x.Code == "S2");
        return $"{s.Code} | {s.Title} | {s.Lead} | {s.Order} | {s.Group.Name} | {s.Committees.Count} | {s.IsRetired}";
    }
}
