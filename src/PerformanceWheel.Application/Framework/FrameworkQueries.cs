using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Projects;

namespace PerformanceWheel.Application.Framework;

/// <summary>What the framework admin pages read: measures, directorates, committees, plans, rings, segments, projects and their history.</summary>
public sealed class FrameworkQueries(IDbContextFactory<PerformanceWheelDbContext> contexts)
{
    public Task<IReadOnlyList<Measure>> MeasuresAsync() =>
        ReadAsync<IReadOnlyList<Measure>>(async db => await db.Measures.AsNoTracking().Include(m => m.Directorate).Include(m => m.Segment).OrderBy(m => m.Code).ToListAsync());

    public Task<Measure?> MeasureAsync(int id) => ReadAsync(db => MeasureCommands.Whole(db.Measures).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id));

    public Task<IReadOnlyList<Directorate>> DirectoratesAsync() =>
        ReadAsync<IReadOnlyList<Directorate>>(async db => await db.Directorates.AsNoTracking().OrderBy(d => d.Name).ToListAsync());

    public Task<Directorate?> DirectorateAsync(int id) => ReadAsync(db => db.Directorates.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id));

    public Task<IReadOnlyList<Committee>> CommitteesAsync() =>
        ReadAsync<IReadOnlyList<Committee>>(async db => await db.Committees.AsNoTracking().OrderBy(c => c.Code).ToListAsync());

    public Task<Committee?> CommitteeAsync(int id) => ReadAsync(db => db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id));

    public Task<IReadOnlyList<Plan>> PlansAsync() =>
        ReadAsync<IReadOnlyList<Plan>>(async db => await db.Plans.AsNoTracking().Include(p => p.Groups).ThenInclude(g => g.Segments).ThenInclude(s => s.Committees).OrderBy(p => p.FirstYear).ToListAsync());

    public Task<Plan?> PlanAsync(int id) => ReadAsync(db => db.Plans.AsNoTracking().Include(p => p.Groups).FirstOrDefaultAsync(p => p.Id == id));

    public Task<SegmentGroup?> GroupAsync(int id) => ReadAsync(db => db.SegmentGroups.AsNoTracking().Include(g => g.Plan).FirstOrDefaultAsync(g => g.Id == id));

    public Task<IReadOnlyList<Segment>> SegmentsAsync() =>
        ReadAsync<IReadOnlyList<Segment>>(async db => await db.Segments.AsNoTracking().Include(s => s.Group).OrderBy(s => s.Code).ToListAsync());

    public Task<Segment?> SegmentAsync(int id) => ReadAsync(db => db.Segments.AsNoTracking().Include(s => s.Group).Include(s => s.Committees).FirstOrDefaultAsync(s => s.Id == id));

    public Task<IReadOnlyList<Project>> ProjectsAsync() =>
        ReadAsync<IReadOnlyList<Project>>(async db => await db.Projects.AsNoTracking().Include(p => p.Segment).OrderBy(p => p.Code).ToListAsync());

    public Task<Project?> ProjectAsync(int id) => ReadAsync(db => db.Projects.AsNoTracking().Include(p => p.Segment).FirstOrDefaultAsync(p => p.Id == id));

    /// <summary>The council's rating schemes by financial year (the plain scheme before any settings), for the measure form's preview.</summary>
    public Task<PerformanceWheel.Domain.Rating.SchemeHistory> SchemesAsync() =>
        ReadAsync(async db => (await db.CouncilSettings.AsNoTracking().OrderBy(c => c.Id).FirstOrDefaultAsync())?.SchemeHistory ?? PerformanceWheel.Domain.Rating.SchemeHistory.Plain);

    /// <summary>The latest audit entries for one thing, newest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> HistoryAsync(string entityType, string key, int take = 20) =>
        ReadAsync<IReadOnlyList<AuditEntry>>(async db => await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityKey == key)
            .OrderByDescending(a => a.Id).Take(take).ToListAsync());

    // One context per query (docs/decisions/0012).
    private async Task<T> ReadAsync<T>(Func<PerformanceWheelDbContext, Task<T>> read)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await read(db);
    }
}
