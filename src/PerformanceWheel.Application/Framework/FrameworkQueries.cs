using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data;
using PerformanceWheel.Domain.Audit;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Projects;

namespace PerformanceWheel.Application.Framework;

/// <summary>What the framework admin pages read: measures, directorates, committees, plans, rings, segments, projects and their history.</summary>
public sealed class FrameworkQueries(PerformanceWheelDbContext db)
{
    public async Task<IReadOnlyList<Measure>> MeasuresAsync() =>
        await db.Measures.AsNoTracking().Include(m => m.Directorate).Include(m => m.Segment).OrderBy(m => m.Code).ToListAsync();

    public Task<Measure?> MeasureAsync(int id) => MeasureCommands.Whole(db.Measures).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);

    public async Task<IReadOnlyList<Directorate>> DirectoratesAsync() =>
        await db.Directorates.AsNoTracking().OrderBy(d => d.Name).ToListAsync();

    public Task<Directorate?> DirectorateAsync(int id) => db.Directorates.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id);

    public async Task<IReadOnlyList<Committee>> CommitteesAsync() =>
        await db.Committees.AsNoTracking().OrderBy(c => c.Code).ToListAsync();

    public Task<Committee?> CommitteeAsync(int id) => db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);

    public async Task<IReadOnlyList<Plan>> PlansAsync() =>
        await db.Plans.AsNoTracking().Include(p => p.Groups).ThenInclude(g => g.Segments).ThenInclude(s => s.Committees).OrderBy(p => p.FirstYear).ToListAsync();

    public Task<Plan?> PlanAsync(int id) => db.Plans.AsNoTracking().Include(p => p.Groups).FirstOrDefaultAsync(p => p.Id == id);

    public Task<SegmentGroup?> GroupAsync(int id) => db.SegmentGroups.AsNoTracking().Include(g => g.Plan).FirstOrDefaultAsync(g => g.Id == id);

    public async Task<IReadOnlyList<Segment>> SegmentsAsync() =>
        await db.Segments.AsNoTracking().Include(s => s.Group).OrderBy(s => s.Code).ToListAsync();

    public Task<Segment?> SegmentAsync(int id) => db.Segments.AsNoTracking().Include(s => s.Group).Include(s => s.Committees).FirstOrDefaultAsync(s => s.Id == id);

    public async Task<IReadOnlyList<Project>> ProjectsAsync() =>
        await db.Projects.AsNoTracking().Include(p => p.Segment).OrderBy(p => p.Code).ToListAsync();

    public Task<Project?> ProjectAsync(int id) => db.Projects.AsNoTracking().Include(p => p.Segment).FirstOrDefaultAsync(p => p.Id == id);

    /// <summary>The latest audit entries for one thing, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(string entityType, string key, int take = 20) =>
        await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityKey == key)
            .OrderByDescending(a => a.Id).Take(take).ToListAsync();
}
