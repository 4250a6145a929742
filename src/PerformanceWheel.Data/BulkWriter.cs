using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PerformanceWheel.Data;

/// <summary>
/// Writes many rows of one entity's table in few statements, outside the change tracker: INSERTs, and UPDATEs guarded
/// by a concurrency token. Table and column names, parameter types and value conversions (periods as codes, enums as
/// names, times in UTC, decimals as SQLite stores them) come from the EF model, so a row reads back exactly as if EF had
/// saved it. For bulk imports: tens of thousands of tracked entities cost EF seconds and hundreds of megabytes. The
/// caller owns the transaction (it must be the context's current one). Name each column with its value
/// (<see cref="BulkWriter{TEntity, TItem}"/>, <see cref="BulkColumn{TItem}"/>) so that a column and its value cannot
/// drift apart; the positional form here (names, then a row filled in the same order) is what that form runs on. A
/// database error becomes a <see cref="DbUpdateException"/>, as from SaveChanges.
/// <para>
/// On SQLite (in process: no round trips) each row is one statement, prepared once and run again with new parameters,
/// because Microsoft.Data.Sqlite binds a statement's parameters by searching the command's parameters one by one. On
/// PostgreSQL, inserts are a binary COPY (each value written as its column's type) and updates are one
/// UPDATE … FROM (VALUES …) per 5,000 parameters. On SQL Server, inserts are a <see cref="SqlBulkCopy"/> (constraints
/// checked, NULLs kept as NULLs rather than replaced by defaults) and updates are one UPDATE … FROM … JOIN (VALUES …)
/// per 2,000 parameters (SQL Server takes at most 2,100 in a statement); on another server, inserts are multi-row
/// INSERTs of 5,000 parameters.
/// </para>
/// </summary>
public sealed class BulkWriter<TEntity>
    where TEntity : class
{
    private const int MostParameters = 5_000;
    private const int MostSqlServerParameters = 2_000;

    private readonly DbContext _db;
    private readonly ISqlGenerationHelper _sql;
    private readonly string _table;
    private readonly bool _embedded;
    private readonly bool _sqlServer;
    private readonly Column[] _columns;
    private readonly List<(string Name, string Placeholder)> _parameters = [];
    private readonly Dictionary<(bool Update, int Rows), string> _texts = [];

    /// <param name="db">The context whose connection and current transaction are used.</param>
    /// <param name="properties">The properties written by <see cref="InsertAsync"/> or set by <see cref="UpdateAsync"/>.</param>
    /// <remarks>Prefer <see cref="BulkWriter{TEntity, TItem}"/>, which takes each column with its value.</remarks>
    public BulkWriter(DbContext db, params string[] properties)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(properties);
        _db = db;
        _sql = db.GetService<ISqlGenerationHelper>();
        _embedded = db.Database.IsSqlite();
        _sqlServer = db.Database.IsSqlServer();
        var entityType = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        _table = _sql.DelimitIdentifier(table.Name, table.Schema);
        _columns = [.. properties.Select(name =>
        {
            var property = entityType.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no property {name}.");
            var column = property.GetColumnName(table)!;
            return new Column(_sql.DelimitIdentifier(column), column, (RelationalTypeMapping)property.GetRelationalTypeMapping(), property.IsNullable);
        })];
    }

    /// <summary>Inserts one row per item; <paramref name="values"/> fills the row's values (one per property, in order).</summary>
    public async Task InsertAsync<TItem>(IReadOnlyCollection<TItem> items, Action<TItem, object?[]> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(values);
        await RaiseFiguresVersionAsync(items.Count, cancellationToken);
        if (_db.Database.IsNpgsql())
        {
            await CopyAsync(items, values, cancellationToken);
            return;
        }

        if (_sqlServer)
        {
            await BulkCopyAsync(items, values, cancellationToken);
            return;
        }

        await WriteAsync(items, _columns, update: false, values, cancellationToken);
    }

    /// <summary>
    /// Updates one row per item: <paramref name="values"/> fills the new values of the named properties, then the key and
    /// the concurrency token's original value. Throws <see cref="DbUpdateConcurrencyException"/> when any row was changed
    /// or deleted meanwhile (fewer rows matched than items given), as SaveChanges does.
    /// </summary>
    public async Task UpdateAsync<TItem>(IReadOnlyCollection<TItem> items, string key, string concurrencyToken, Action<TItem, object?[]> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(values);
        await RaiseFiguresVersionAsync(items.Count, cancellationToken);
        var where = new BulkWriter<TEntity>(_db, key, concurrencyToken);
        var matched = await WriteAsync(items, [.. _columns, .. where._columns], update: true, values, cancellationToken);
        if (matched != items.Count)
        {
            throw new DbUpdateConcurrencyException($"{items.Count - matched} of {items.Count} {typeof(TEntity).Name} rows were changed or deleted meanwhile.");
        }
    }

    /// <summary>
    /// Rows of a table pages show change the figures version, raised in the caller's transaction before the rows are
    /// written (as SaveChanges does: the version row's lock is taken first). Nothing to write raises nothing.
    /// </summary>
    private async Task RaiseFiguresVersionAsync(int rows, CancellationToken cancellationToken)
    {
        if (rows == 0 || !Figures.FiguresVersions.ShowsType(typeof(TEntity)))
        {
            return;
        }

        if (_db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A bulk write needs the context's transaction.");
        }

        await Figures.FiguresVersions.BumpAsync(_db, cancellationToken);
    }

    private async Task<int> WriteAsync<TItem>(IReadOnlyCollection<TItem> items, Column[] columns, bool update, Action<TItem, object?[]> values, CancellationToken cancellationToken)
    {
        var perStatement = _embedded ? 1 : Math.Max(1, (_sqlServer ? MostSqlServerParameters : MostParameters) / columns.Length);
        var row = new object?[columns.Length];
        await using var command = Command();
        var inBatch = 0;
        var affected = 0;
        foreach (var item in items)
        {
            values(item, row);
            for (var i = 0; i < row.Length; i++)
            {
                var column = columns[i];
                command.Parameters.Add(column.Mapping.CreateParameter(command, Parameter((inBatch * columns.Length) + i).Name, row[i], column.Nullable));
            }

            if (++inBatch == perStatement)
            {
                affected += await ExecuteAsync(command, Text(update, inBatch, columns), cancellationToken);
                inBatch = 0;
            }
        }

        if (inBatch > 0)
        {
            affected += await ExecuteAsync(command, Text(update, inBatch, columns), cancellationToken);
        }

        return affected;
    }

    /// <summary>PostgreSQL: COPY … FROM STDIN (FORMAT BINARY), each value converted as EF would and written as its column's type.</summary>
    private async Task CopyAsync<TItem>(IReadOnlyCollection<TItem> items, Action<TItem, object?[]> values, CancellationToken cancellationToken)
    {
        if (_db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A bulk write needs the context's transaction.");
        }

        var connection = (NpgsqlConnection)_db.Database.GetDbConnection();
        var copy = $"COPY {_table} ({string.Join(", ", _columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";
        var row = new object?[_columns.Length];
        try
        {
            await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
            foreach (var item in items)
            {
                values(item, row);
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < row.Length; i++)
                {
                    var mapping = _columns[i].Mapping;
                    var value = row[i] is { } v && mapping.Converter is { } converter ? converter.ConvertToProvider(v) : row[i];
                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, mapping.StoreTypeNameBase, cancellationToken);
                    }
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }
        catch (DbException e)
        {
            throw new DbUpdateException(e.Message, e);
        }
    }

    /// <summary>
    /// SQL Server: <see cref="SqlBulkCopy"/> of the rows, each value converted as EF would, into the context's transaction.
    /// CheckConstraints keeps foreign keys and checks enforced (and trusted); KeepNulls writes NULL, not the column default.
    /// </summary>
    private async Task BulkCopyAsync<TItem>(IReadOnlyCollection<TItem> items, Action<TItem, object?[]> values, CancellationToken cancellationToken)
    {
        var transaction = _db.Database.CurrentTransaction?.GetDbTransaction() as SqlTransaction
            ?? throw new InvalidOperationException("A bulk write needs the context's transaction.");
        using var rows = new DataTable();
        rows.Locale = CultureInfo.InvariantCulture;
        foreach (var column in _columns)
        {
            var type = column.Mapping.Converter?.ProviderClrType ?? column.Mapping.ClrType;
            rows.Columns.Add(column.Unquoted, Nullable.GetUnderlyingType(type) ?? type);
        }

        var row = new object?[_columns.Length];
        foreach (var item in items)
        {
            values(item, row);
            var stored = new object[row.Length];
            for (var i = 0; i < row.Length; i++)
            {
                var value = row[i] is { } v && _columns[i].Mapping.Converter is { } converter ? converter.ConvertToProvider(v) : row[i];
                stored[i] = value ?? DBNull.Value;
            }

            rows.Rows.Add(stored);
        }

        using var copy = new SqlBulkCopy((SqlConnection)transaction.Connection!, SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.KeepNulls, transaction)
        {
            DestinationTableName = _table,
            BatchSize = 0,
            BulkCopyTimeout = _db.Database.GetCommandTimeout() ?? 30,
        };
        foreach (var column in _columns)
        {
            copy.ColumnMappings.Add(column.Unquoted, column.Unquoted);
        }

        try
        {
            await copy.WriteToServerAsync(rows, cancellationToken);
        }
        catch (DbException e)
        {
            throw new DbUpdateException(e.Message, e);
        }
    }

    private DbCommand Command()
    {
        var command = _db.Database.GetDbConnection().CreateCommand();
        command.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk write needs the context's transaction.");
        if (_db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        return command;
    }

    /// <summary>Runs the command with its parameters, then clears them (the statement stays prepared while its text is the same).</summary>
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

    /// <summary>
    /// The statement for a number of rows, made once per size. INSERT INTO t (a, b) VALUES (@p0, @p1), (@p2, @p3); and
    /// for updates, on SQLite UPDATE t SET a = @p0 WHERE key = @p1 AND token = @p2; on SQL Server UPDATE t SET a = v.c0
    /// FROM t INNER JOIN (VALUES (@p0, @p1, @p2), …) AS v (c0, c1, c2) ON t.key = v.c1 AND t.token = v.c2; on another
    /// server UPDATE t SET a = v.c0 FROM (VALUES (@p0, @p1, @p2), …) AS v (c0, c1, c2) WHERE t.key = v.c1 AND t.token = v.c2.
    /// </summary>
    private string Text(bool update, int rows, Column[] columns)
    {
        if (_texts.TryGetValue((update, rows), out var cached))
        {
            return cached;
        }

        var text = new StringBuilder();
        var set = columns.Length - 2; // for updates: the columns set, then the key and the token
        if (!update)
        {
            text.Append("INSERT INTO ").Append(_table).Append(" (").AppendJoin(", ", columns.Select(c => c.Name)).Append(") VALUES ");
            AppendRows(text, rows, columns.Length);
        }
        else if (_embedded)
        {
            text.Append("UPDATE ").Append(_table).Append(" SET ");
            for (var c = 0; c < set; c++)
            {
                text.Append(c == 0 ? string.Empty : ", ").Append(columns[c].Name).Append(" = ").Append(Parameter(c).Placeholder);
            }

            text.Append(" WHERE ").Append(columns[set].Name).Append(" = ").Append(Parameter(set).Placeholder)
                .Append(" AND ").Append(columns[set + 1].Name).Append(" = ").Append(Parameter(set + 1).Placeholder);
        }
        else if (_sqlServer)
        {
            text.Append("UPDATE t SET ");
            AppendSetFromValues(text, set);
            text.Append(" FROM ").Append(_table).Append(" AS t INNER JOIN (VALUES ");
            AppendRows(text, rows, columns.Length);
            text.Append(") AS v (").AppendJoin(", ", columns.Select((_, c) => "c" + c.ToString(CultureInfo.InvariantCulture))).Append(')')
                .Append(" ON t.").Append(columns[set].Name).Append(" = v.c").Append(set.ToString(CultureInfo.InvariantCulture))
                .Append(" AND t.").Append(columns[set + 1].Name).Append(" = v.c").Append((set + 1).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            text.Append("UPDATE ").Append(_table).Append(" AS t SET ");
            AppendSetFromValues(text, set);
            text.Append(" FROM (VALUES ");
            AppendRows(text, rows, columns.Length);
            text.Append(") AS v (").AppendJoin(", ", columns.Select((_, c) => "c" + c.ToString(CultureInfo.InvariantCulture))).Append(')')
                .Append(" WHERE t.").Append(columns[set].Name).Append(" = v.c").Append(set.ToString(CultureInfo.InvariantCulture))
                .Append(" AND t.").Append(columns[set + 1].Name).Append(" = v.c").Append((set + 1).ToString(CultureInfo.InvariantCulture));
        }

        return _texts[(update, rows)] = text.Append(_sql.StatementTerminator).ToString();

        void AppendSetFromValues(StringBuilder text, int set)
        {
            for (var c = 0; c < set; c++)
            {
                text.Append(c == 0 ? string.Empty : ", ").Append(columns[c].Name).Append(" = v.c").Append(c.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    private void AppendRows(StringBuilder text, int rows, int width)
    {
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < width; c++)
            {
                text.Append(c == 0 ? string.Empty : ", ").Append(Parameter((r * width) + c).Placeholder);
            }

            text.Append(')');
        }
    }

    /// <summary>The name and SQL placeholder of the parameter at a position in a statement (made once, reused by every batch).</summary>
    private (string Name, string Placeholder) Parameter(int index)
    {
        while (_parameters.Count <= index)
        {
            var name = "p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
            _parameters.Add((_sql.GenerateParameterName(name), _sql.GenerateParameterNamePlaceholder(name)));
        }

        return _parameters[index];
    }

    /// <summary>A column written: its delimited and plain names, EF's mapping (type and value conversion) and whether it takes NULL.</summary>
    private sealed record Column(string Name, string Unquoted, RelationalTypeMapping Mapping, bool Nullable);
}

/// <summary>A column of a bulk write (an entity property's name) and the item's value for it.</summary>
public sealed record BulkColumn<TItem>(string Property, Func<TItem, object?> Value);

/// <summary>
/// A <see cref="BulkWriter{TEntity}"/> whose columns are named each with the value written to it, so a column cannot
/// be given another column's value: <c>new BulkWriter&lt;Outturn, Outturn&gt;(db, [new(nameof(Outturn.Value), o =&gt; o.Value), …])</c>.
/// </summary>
public sealed class BulkWriter<TEntity, TItem>
    where TEntity : class
{
    private readonly BulkWriter<TEntity> _writer;
    private readonly Func<TItem, object?>[] _values;

    /// <param name="db">The context whose connection and current transaction are used.</param>
    /// <param name="columns">The columns inserted by <see cref="InsertAsync"/> or set by <see cref="UpdateAsync"/>, each with its value.</param>
    public BulkWriter(DbContext db, IReadOnlyList<BulkColumn<TItem>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _writer = new BulkWriter<TEntity>(db, [.. columns.Select(c => c.Property)]);
        _values = [.. columns.Select(c => c.Value)];
    }

    /// <summary>Inserts one row per item.</summary>
    public Task InsertAsync(IReadOnlyCollection<TItem> items, CancellationToken cancellationToken) =>
        _writer.InsertAsync(items, Fill, cancellationToken);

    /// <summary>
    /// Updates one row per item, found by <paramref name="key"/> and the <paramref name="concurrencyToken"/>'s original
    /// value. Throws <see cref="DbUpdateConcurrencyException"/> when any row was changed or deleted meanwhile.
    /// </summary>
    public Task UpdateAsync(IReadOnlyCollection<TItem> items, BulkColumn<TItem> key, BulkColumn<TItem> concurrencyToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(concurrencyToken);
        var set = _values.Length;
        return _writer.UpdateAsync(items, key.Property, concurrencyToken.Property, (item, row) =>
        {
            Fill(item, row);
            row[set] = key.Value(item);
            row[set + 1] = concurrencyToken.Value(item);
        }, cancellationToken);
    }

    private void Fill(TItem item, object?[] row)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            row[i] = _values[i](item);
        }
    }
}
