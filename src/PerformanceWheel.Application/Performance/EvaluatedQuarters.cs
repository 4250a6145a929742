using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace PerformanceWheel.Application.Performance;

/// <summary>Settings of <see cref="EvaluatedQuarters"/> (Performance:EvaluationCache).</summary>
public sealed class EvaluationCacheOptions
{
    public const string Section = "Performance:EvaluationCache";

    /// <summary>
    /// How much may be kept, in measure results (a quarter's evaluation counts one per measure line, a scorecard one
    /// per line and trend point). About half a kilobyte each: the default keeps up to roughly 250 MB.
    /// </summary>
    public long SizeLimit { get; set; } = 500_000;

    /// <summary>Off: every read evaluates afresh (benchmarks of the uncached path).</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Evaluated quarters (the wheel's evaluation, comparisons, scorecards, segment and exception views) kept in memory per
/// figures version, audience and quarter (docs/decisions/0013). A key always starts with the version read before the
/// figures were, so a change to anything shown makes a new key; entries of older versions are dropped as soon as a
/// newer version is seen. The audience part of a key is <see cref="AudienceKey"/>: published-only readers, every
/// draft, or the drafts of exactly these directorates — never shared between audiences. Readers asking for the same
/// key at the same time share one evaluation. Size-limited: the least recently used entries go first.
/// </summary>
public sealed class EvaluatedQuarters : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly bool _enabled;
    private readonly ConcurrentDictionary<(long Version, string Key), Lazy<Task<Entry>>> _building = new();
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, CancellationTokenSource> _versions = [];
    private long _newest;

    public EvaluatedQuarters(IOptions<EvaluationCacheOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _enabled = options.Value.Enabled;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.SizeLimit) });
    }

    /// <summary>A cache that keeps nothing (each read evaluates afresh).</summary>
    public static EvaluatedQuarters Uncached() => new(Options.Create(new EvaluationCacheOptions { Enabled = false }));

    /// <summary>
    /// A key part naming exactly the figures an audience may see: "published", "all", or the draft directorates, each
    /// written with its length so that no two different sets of names make the same key.
    /// </summary>
    public static string AudienceKey(FigureScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.AllDrafts ? "all"
            : scope.PublishedOnly ? "published"
            : "drafts:" + string.Concat(scope.DraftDirectorates.Select(n => n.Length.ToString(CultureInfo.InvariantCulture) + ":" + n));
    }

    /// <summary>
    /// The value kept under (<paramref name="version"/>, <paramref name="key"/>), or <paramref name="build"/>'s, which is
    /// kept when not null. The build runs once for everyone waiting on the key, to completion even if this caller gives
    /// up (<paramref name="cancellationToken"/> only stops the wait).
    /// </summary>
    public async Task<T?> GetOrAddAsync<T>(long version, string key, Func<Task<T?>> build, Func<T, long> size, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(size);
        if (!_enabled)
        {
            return await build();
        }

        var id = (version, key);
        if (_cache.TryGetValue(id, out Entry? kept))
        {
            return (T?)kept!.Value;
        }

        var building = _building.GetOrAdd(id, _ => new Lazy<Task<Entry>>(() => BuildAsync(id, build, size)));
        return (T?)(await building.Value.WaitAsync(cancellationToken)).Value;
    }

    public void Dispose()
    {
        _cache.Dispose();
        lock (_gate)
        {
            foreach (var source in _versions.Values)
            {
                source.Dispose();
            }

            _versions.Clear();
        }
    }

    private async Task<Entry> BuildAsync<T>((long Version, string Key) id, Func<Task<T?>> build, Func<T, long> size)
        where T : class
    {
        try
        {
            var value = await build();
            if (value is not null && ExpiryOf(id.Version) is { } expiry)
            {
                using var entry = _cache.CreateEntry(id);
                entry.Value = new Entry(value);
                entry.Size = Math.Max(1, size(value));
                entry.AddExpirationToken(expiry);
            }

            return new Entry(value);
        }
        finally
        {
            _building.TryRemove(id, out _);
        }
    }

    /// <summary>
    /// The token that drops every entry of a version once a newer one is seen; null when the version is already older
    /// than the newest seen (its value is answered but not kept).
    /// </summary>
    private Microsoft.Extensions.Primitives.CancellationChangeToken? ExpiryOf(long version)
    {
        lock (_gate)
        {
            if (version < _newest)
            {
                return null;
            }

            if (version > _newest)
            {
                _newest = version;
                foreach (var older in _versions.Where(v => v.Key < version).ToList())
                {
                    older.Value.Cancel();
                    older.Value.Dispose();
                    _versions.Remove(older.Key);
                }
            }

            if (!_versions.TryGetValue(version, out var source))
            {
                _versions[version] = source = new CancellationTokenSource();
            }

            return new Microsoft.Extensions.Primitives.CancellationChangeToken(source.Token);
        }
    }

    private sealed record Entry(object? Value);
}
