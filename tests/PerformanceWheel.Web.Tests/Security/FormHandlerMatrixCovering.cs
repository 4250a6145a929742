using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Covering;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Domain.Covering;
using PerformanceWheel.Domain.Periods;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Security;

/// <summary>What the covering report's rows of the form handler matrix prepare.</summary>
public sealed partial class FormHandlerMatrixOnSqlite
{
    private const string CoveringCabinet = "/covering-reports?pack=Cabinet&period=2019%2F20%20Q2";

    private ReportingPeriod _unstarted = ReportingPeriod.Parse("2011/12 Q1");

    /// <summary>The Cabinet's covering report page of a quarter that has none yet (its start form is on the page).</summary>
    private string UnstartedCoveringUrl() => $"/covering-reports?pack=Cabinet&period={Uri.EscapeDataString(_unstarted.Label)}";

    /// <summary>Moves to an earlier quarter, so each allowed post starts a report of its own.</summary>
    private Task NextUnstartedQuarterAsync()
    {
        _unstarted = _unstarted.Previous;
        return Task.CompletedTask;
    }

    /// <summary>Communications has signed off the demo's Cabinet report (again), so a post may clear it.</summary>
    private async Task CommunicationsSignedOffAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetRequiredService<CoveringReportCommands>();
        var officer = new WorkflowUser(null, "officer@demo.council", IsOfficer: true, IsDirector: false);
        (await commands.SignOffAsync(CoveringSections.CabinetPack, Published, "Communications", "Chris Palmer", new DateOnly(2019, 10, 23), officer)).Succeeded.ShouldBeTrue();
    }
}
