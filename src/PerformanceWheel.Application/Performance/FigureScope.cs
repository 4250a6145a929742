using PerformanceWheel.Domain.Outturns;

namespace PerformanceWheel.Application.Performance;

/// <summary>
/// Which figures a reader may see: every published figure, and the unpublished (draft, submitted, returned, approved)
/// figures of the directorates in scope. Officers and Admins see every directorate's drafts; a Director sees the drafts
/// of their own directorates only; councillors and anonymous readers see published figures only. Every read of
/// figures (pages, packs, exports, API, open data) passes through one of these.
/// </summary>
public sealed class FigureScope
{
    private readonly HashSet<string> _draftDirectorates;

    private FigureScope(bool allDrafts, IEnumerable<string> draftDirectorates)
    {
        AllDrafts = allDrafts;
        _draftDirectorates = new HashSet<string>(draftDirectorates, StringComparer.Ordinal);
    }

    /// <summary>Every figure, drafts of every directorate included (officers, Admins, back-office jobs).</summary>
    public static FigureScope Everything { get; } = new(true, []);

    /// <summary>Published figures only (councillors, anonymous readers, open data).</summary>
    public static FigureScope Published { get; } = new(false, []);

    /// <summary>Published figures and the drafts of the named directorates (a Director).</summary>
    public static FigureScope DraftsOf(IEnumerable<string> directorates)
    {
        ArgumentNullException.ThrowIfNull(directorates);
        var names = directorates.Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        return names.Count == 0 ? Published : new FigureScope(false, names);
    }

    /// <summary>Drafts of every directorate are visible.</summary>
    public bool AllDrafts { get; }

    /// <summary>No draft at all is visible.</summary>
    public bool PublishedOnly => !AllDrafts && _draftDirectorates.Count == 0;

    /// <summary>The directorates whose drafts are visible besides <see cref="AllDrafts"/>, sorted.</summary>
    public IReadOnlyList<string> DraftDirectorates => _draftDirectorates.Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether the reader may see unpublished figures of a directorate.</summary>
    public bool SeesDraftsOf(string directorate) => AllDrafts || _draftDirectorates.Contains(directorate);

    /// <summary>Whether the reader may see this figure (its measure's directorate must be loaded unless the figure is published).</summary>
    public bool Sees(Outturn outturn)
    {
        ArgumentNullException.ThrowIfNull(outturn);
        return outturn.State == WorkflowState.Published || AllDrafts || (_draftDirectorates.Count > 0 && _draftDirectorates.Contains(outturn.Measure.Directorate.Name));
    }

    /// <summary>The figures this reader may see, as a database query.</summary>
    public IQueryable<Outturn> Filter(IQueryable<Outturn> outturns)
    {
        ArgumentNullException.ThrowIfNull(outturns);
        if (AllDrafts)
        {
            return outturns;
        }

        if (_draftDirectorates.Count == 0)
        {
            return outturns.Where(o => o.State == WorkflowState.Published);
        }

        var names = _draftDirectorates.ToList();
        return outturns.Where(o => o.State == WorkflowState.Published || names.Contains(o.Measure.Directorate.Name));
    }

    /// <summary>A key that is equal for two readers exactly when they may see the same figures (shared renders, caches).</summary>
    public string Key => AllDrafts ? "all" : _draftDirectorates.Count == 0 ? "published" : "drafts:" + string.Join("|", DraftDirectorates);

    public override string ToString() => Key;
}
