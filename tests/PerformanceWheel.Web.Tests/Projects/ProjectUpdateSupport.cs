using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Application.Framework;
using PerformanceWheel.Application.Projects;
using PerformanceWheel.Application.Workflow;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Projects;

namespace PerformanceWheel.Web.Tests.Projects;

/// <summary>Arranging and reading project updates in a test host: the commands as a user, the stored state, the page's messages.</summary>
internal static class ProjectUpdateSupport
{
    public const string Quarter = "2019/20 Q3";

    public static readonly WorkflowUser Officer = new("officer-id", "officer@demo.council", IsOfficer: true, IsDirector: false);

    public static async Task<T> WithAsync<T>(AppFactory factory, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public static Task<T> CommandAsync<T>(AppFactory factory, Func<ProjectUpdateCommands, Task<T>> action) =>
        WithAsync(factory, s => action(s.GetRequiredService<ProjectUpdateCommands>()));

    public static Task<T> DbAsync<T>(AppFactory factory, Func<PerformanceWheelDbContext, Task<T>> query) =>
        WithAsync(factory, s => query(s.GetRequiredService<PerformanceWheelDbContext>()));

    /// <summary>A project of the directorate (one is given to it through the project form's command when it has none).</summary>
    public static async Task<string> ProjectOfAsync(AppFactory factory, string directorate, int skip = 0)
    {
        var code = await DbAsync(factory, db => db.Projects.Where(p => !p.IsRetired && p.Directorate!.Name == directorate).OrderBy(p => p.Code).Select(p => p.Code).Skip(skip).FirstOrDefaultAsync());
        if (code is not null)
        {
            return code;
        }

        var (project, directorateId) = await DbAsync(factory, async db =>
        {
            var taken = await db.Projects.Include(p => p.Directorate).Where(p => !p.IsRetired).OrderBy(p => p.Code).ToListAsync();
            var d = await db.Directorates.SingleAsync(x => x.Name == directorate);
            return (taken.First(p => p.Directorate!.Name != directorate), d.Id);
        });
        var result = await WithAsync(factory, s => s.GetRequiredService<ProjectCommands>()
            .SaveAsync(project.Id, new ProjectDraft(project.Code, project.Title, project.SegmentId, false, directorateId), "admin@demo.council"));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Problems.Select(p => p.Message)));
        }

        return project.Code;
    }

    /// <summary>The stored update of a project for a quarter, with its milestones (null when none).</summary>
    public static Task<ProjectUpdate?> StoredAsync(AppFactory factory, string code, string quarter = Quarter) =>
        DbAsync(factory, db =>
        {
            var period = Domain.Periods.ReportingPeriod.Parse(quarter);
            return db.ProjectUpdates.AsNoTracking().Include(u => u.Milestones)
                .Where(u => u.Period == period && db.Projects.Any(p => p.Id == u.ProjectId && p.Code == code))
                .SingleOrDefaultAsync();
        });

    /// <summary>The audit text of a project's update for the quarter, oldest first.</summary>
    public static Task<List<string>> AuditAsync(AppFactory factory, string code, string quarter = Quarter) =>
        DbAsync(factory, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == ProjectUpdateCommands.EntityType && a.EntityKey == code + " " + quarter)
            .OrderBy(a => a.Id).Select(a => a.Action + ": " + a.Changes).ToListAsync());

    /// <summary>What a page says after a form was posted: the status and alert texts of the page it lands on.</summary>
    public static async Task<(HttpStatusCode Status, IDocument Page)> LandAsync(HttpClient client, HttpResponseMessage response)
    {
        var html = response.StatusCode == HttpStatusCode.Redirect
            ? await client.GetStringAsync(response.Headers.Location)
            : await response.Content.ReadAsStringAsync();
        return (response.StatusCode, new HtmlParser().ParseDocument(html));
    }

    public static string Messages(IDocument page) =>
        string.Join(" | ", page.QuerySelectorAll("[role=status], [role=alert], .field-error").Select(e => e.TextContent.Trim()));
}
