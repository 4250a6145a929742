using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PerformanceWheel.Data.Figures;

/// <summary>
/// Counts, per database (its connection string), the transactions this process's contexts have committed (every
/// context built by <see cref="DatabaseSetup.UseConfiguredDatabase"/> carries it). A node that remembers the figures
/// version for a moment reads it again as soon as its database's count moves, so the node's own changes are seen at
/// once; only another node's changes wait for the recheck interval (docs/decisions/0013).
/// </summary>
public sealed class FiguresCommits : DbTransactionInterceptor
{
    private static readonly ConcurrentDictionary<string, StrongBox<long>> Counts = new(StringComparer.Ordinal);

    private FiguresCommits() { }

    public static FiguresCommits Instance { get; } = new();

    /// <summary>Transactions committed in this process so far on the database of <paramref name="connectionString"/>.</summary>
    public static long Count(string connectionString) => Interlocked.Read(ref Counter(connectionString).Value);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    private static void Committed(TransactionEndEventData eventData)
    {
        if (eventData.Context?.Database.GetConnectionString() is { } connectionString)
        {
            Interlocked.Increment(ref Counter(connectionString).Value);
        }
    }

    private static StrongBox<long> Counter(string connectionString) => Counts.GetOrAdd(connectionString, _ => new StrongBox<long>());
}
