using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PerformanceWheel.Data;

/// <summary>
/// Writes many rows of one entity's table in few statements, outside the change tracker: multi-row INSERTs, and UPDATEs
/// guarded by a concurrency token, several to a command. Table and column names, parameter types and value conversions
/// (periods as codes, enums as names, times in UTC, decimals as SQLite stores them) come from the EF model, so a row
/// reads back exactly as if EF had saved it. For bulk imports: tens of thousands of tracked entities cost EF seconds
/// and hundreds of megabytes. The caller owns the transaction (it must be the context's current one) and passes each
/// row's values in the order of the properties it named.
/// <para>
/// On SQLite (in process: no round trips) each row is one statement, prepared once and run again with new parameters,
/// because Microsoft.Data.Sqlite binds each statement's parameters by a linear search of the command's parameters; on a
/// server, rows are sent as multi-row INSERTs (up to 1,000 parameters) and 100 UPDATEs to a command.
/// </para>
/// </summary>
public sealed class BulkWriter<TEntity>
    where TEntity : class
{
    private const int MostParameters = 1_000;

    private readonly DbContext _db;
    private readonly ISqlGenerationHelper _sql;
    private readonly string _table;
    private readonly (string Column, RelationalTypeMapping Mapping, bool Nullable)[] _columns;
    private readonly List<(string Name, string Placeholder)> _parameters = [];
    private readonly Dictionary<int, string> _texts = [];
    private readonly int _rowsPerInsert;
    private readonly int _updatesPerCommand;

    public BulkWriter(DbContext db, params string[] properties)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(properties);
        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
        var entityType = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        _table = _sql.DelimitIdentifier(table.Name, table.Schema);
        var embedded = db.Database.IsSqlite();
        _rowsPerInsert = embedded ? 1 : Math.Max(1, MostParameters / properties.Length);
        _updatesPerCommand = embedded ? 1 : 100;
        _columns = [.. properties.Select(name =>
        {
            var property = entityType.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no property {name}.");
            return (_sql.DelimitIdentifier(property.GetColumnName(table)!), (RelationalTypeMapping)property.GetRelationalTypeMapping(), property.IsNullable);
        })];
    }

    /// <summary>Inserts one row per item; <paramref name="values"/> fills the row's values (one per property, in order).</summary>
    public async Task InsertAsync<TItem>(IReadOnlyCollection<TItem> items, Action<TItem, object?[]> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(values);
        var perStatement = _rowsPerInsert;
        var row = new object?[_columns.Length];
        await using var command = Command();
        var inBatch = 0;
        foreach (var item in items)
        {
            values(item, row);
            AddParameters(command, row, inBatch * _columns.Length);
            if (++inBatch == perStatement)
            {
                await ExecuteAsync(command, InsertText(inBatch), cancellationToken);
                inBatch = 0;
            }
        }

        if (inBatch > 0)
        {
            await ExecuteAsync(command, InsertText(inBatch), cancellationToken);
        }
    }

    /// <summary>
    /// Updates one row per item: <paramref name="values"/> fills the new values of the named properties, then the key and
    /// the concurrency token's original value. Throws <see cref="DbUpdateConcurrencyException"/> when any row was changed
    /// or deleted meanwhile (fewer rows matched than items given).
    /// </summary>
    public async Task UpdateAsync<TItem>(IReadOnlyCollection<TItem> items, string key, string concurrencyToken, Action<TItem, object?[]> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(values);
        var where = new BulkWriter<TEntity>(_db, key, concurrencyToken);
        var row = new object?[_columns.Length + 2];
        var width = row.Length;
        await using var command = Command();
        var inBatch = 0;
        var expected = 0;
        var matched = 0;
        foreach (var item in items)
        {
            values(item, row);
            AddParameters(command, row.AsSpan(0, _columns.Length), inBatch * width);
            where.AddParameters(command, row.AsSpan(_columns.Length), (inBatch * width) + _columns.Length);
            expected++;
            if (++inBatch == _updatesPerCommand)
            {
                matched += await ExecuteAsync(command, UpdateText(inBatch, where), cancellationToken);
                inBatch = 0;
            }
        }

        if (inBatch > 0)
        {
            matched += await ExecuteAsync(command, UpdateText(inBatch, where), cancellationToken);
        }

        if (matched != expected)
        {
            throw new DbUpdateConcurrencyException($"{expected - matched} of {expected} {typeof(TEntity).Name} rows were changed or deleted meanwhile.");
        }
    }

    private DbCommand Command()
    {
        var connection = _db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk write needs the context's transaction.");
        if (_db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        return command;
    }

    private void AddParameters(DbCommand command, ReadOnlySpan<object?> row, int first)
    {
        for (var i = 0; i < row.Length; i++)
        {
            var (_, mapping, nullable) = _columns[i];
            command.Parameters.Add(mapping.CreateParameter(command, Parameter(first + i).Name, row[i], nullable));
        }
    }

    /// <summary>Runs the command with its parameters, then clears them; a database error becomes a <see cref="DbUpdateException"/>, as from SaveChanges.</summary>
    private static async Task<int> ExecuteAsync(DbCommand command, string text, CancellationToken cancellationToken)
    {
        command.CommandText = text;
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException e)
        {
            throw new DbUpdateException(e.Message, e);
        }
        finally
        {
            command.Parameters.Clear();
        }
    }

    private string InsertText(int rows)
    {
        if (_texts.TryGetValue(rows, out var cached))
        {
            return cached;
        }

        var text = new StringBuilder("INSERT INTO ").Append(_table).Append(" (");
        text.AppendJoin(", ", _columns.Select(c => c.Column)).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                text.Append(c == 0 ? string.Empty : ", ").Append(Parameter((r * _columns.Length) + c).Placeholder);
            }

            text.Append(')');
        }

        return _texts[rows] = text.Append(_sql.StatementTerminator).ToString();
    }

    private string UpdateText(int rows, BulkWriter<TEntity> where)
    {
        if (_texts.TryGetValue(-rows, out var cached))
        {
            return cached;
        }

        var width = _columns.Length + where._columns.Length;
        var text = new StringBuilder();
        for (var r = 0; r < rows; r++)
        {
            var first = r * width;
            text.Append("UPDATE ").Append(_table).Append(" SET ");
            for (var c = 0; c < _columns.Length; c++)
            {
                text.Append(c == 0 ? string.Empty : ", ").Append(_columns[c].Column).Append(" = ").Append(Parameter(first + c).Placeholder);
            }

            text.Append(" WHERE ").Append(where._columns[0].Column).Append(" = ").Append(Parameter(first + _columns.Length).Placeholder)
                .Append(" AND ").Append(where._columns[1].Column).Append(" = ").Append(Parameter(first + _columns.Length + 1).Placeholder)
                .Append(_sql.StatementTerminator).AppendLine();
        }

        return _texts[-rows] = text.ToString();
    }

    /// <summary>The name and SQL placeholder of the parameter at a position in a command (made once, reused by every batch).</summary>
    private (string Name, string Placeholder) Parameter(int index)
    {
        while (_parameters.Count <= index)
        {
            var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p{_parameters.Count}");
            _parameters.Add((_sql.GenerateParameterName(name), _sql.GenerateParameterNamePlaceholder(name)));
        }

        return _parameters[index];
    }
}
