using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Web.Tests.Pages;
using PerformanceWheel.Web.Tests.Security;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Workflow;

/// <summary>Commentary is credited to whoever wrote it, by name, whatever happens to the figure afterwards; readers never see an email.</summary>
public sealed class CommentaryCreditOnSqlite(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string PublicHealth = "Public Health";
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("2019/20 Q3");

    // Issue 11: after the Admin published, the officer's commentary read "Recorded by admin@demo.council", to everyone.
    [Fact]
    public async Task AnOfficersCommentaryStaysTheirsThroughApprovalAndPublication()
    {
        await WorkflowAsync(w => w.SaveAsync(PublicHealth, [new EntryInput("PH-HV-01", "2019/20 Q3", "91.5", null, false, "Visits back on track after the winter.", null)], "officer@demo.council"));
        await WorkflowAsync(w => w.SubmitAsync(PublicHealth, Quarter, "officer@demo.council"));
        await WorkflowAsync(w => w.ApproveAsync(PublicHealth, Quarter, "director@demo.council"));
        await WorkflowAsync(w => w.PublishAsync(Quarter, "admin@demo.council", partOfQuarter: true));

        foreach (var client in new[] { SignedInClient.Anonymous(app.Factory), await SignedInClient.AsAsync(app.Factory, Data.Identity.Roles.Councillor) })
        {
            var page = await Page.OkAsync(client, "/measures/PH-HV-01?period=2019/20%20Q3");
            var commentary = page.QuerySelectorAll("section.commentary").First(s => s.Text().Contains("Visits back on track", StringComparison.Ordinal));

            commentary.Text().ShouldContain("Written by Demo performance officer on");
            // (A councillor's own address in the header is theirs, not a member of staff's.)
            page.QuerySelector("main")!.InnerHtml.ShouldNotContain("@demo.council");
            page.QuerySelector("main")!.InnerHtml.ShouldNotContain("demo-loader");
        }
    }

    [Fact]
    public async Task CommentaryLoadedWithTheDemoIsCreditedToItsDirectorate()
    {
        var page = await Page.OkAsync(SignedInClient.Anonymous(app.Factory), "/measures/PH-HV-01?period=2019/20%20Q1");

        page.Body!.TextContent.ShouldNotContain("demo-loader");
        page.Body.TextContent.ShouldNotContain("Seed 002");
        page.QuerySelectorAll("section.commentary p.muted").Select(p => p.Text()).ShouldAllBe(t => t.Contains("Public Health", StringComparison.Ordinal));
    }

    private async Task WorkflowAsync<T>(Func<OutturnWorkflow, Task<T>> action)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<OutturnWorkflow>());
    }
}
