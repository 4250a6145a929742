using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Domain.Rating;

/// <summary>
/// Which rating scheme applies to each financial year: the council's original scheme until the first change, then each
/// change from its effective year on. A year is always rated (and its reports always say they are rated) under its own scheme.
/// </summary>
public sealed class SchemeHistory
{
    private readonly List<(FinancialYear From, RagScheme Scheme)> _changes;

    public SchemeHistory(RagScheme original, IEnumerable<(FinancialYear From, RagScheme Scheme)> changes)
    {
        Original = original ?? throw new ArgumentNullException(nameof(original));
        _changes = [.. (changes ?? []).OrderBy(c => c.From)];
    }

    public static SchemeHistory Plain { get; } = new(RagScheme.Default, []);

    /// <summary>The scheme before any recorded change.</summary>
    public RagScheme Original { get; }

    /// <summary>The changes by effective year, earliest first.</summary>
    public IReadOnlyList<(FinancialYear From, RagScheme Scheme)> Changes => _changes;

    /// <summary>This history with a change from <paramref name="from"/> on (later changes are replaced by it).</summary>
    public SchemeHistory With(FinancialYear from, RagScheme scheme) =>
        new(Original, _changes.Where(c => c.From < from).Append((from, scheme)));

    /// <summary>The scheme ratings in a financial year are made under.</summary>
    public RagScheme For(FinancialYear year) => _changes.LastOrDefault(c => c.From <= year) is { Scheme: { } scheme } ? scheme : Original;

    /// <summary>The year from which that year's scheme applies (null: the original scheme, from the start).</summary>
    public FinancialYear? EffectiveFrom(FinancialYear year) => _changes.LastOrDefault(c => c.From <= year) is { Scheme: not null } change ? change.From : null;
}
