using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Tests.Schema;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Databases;

/// <summary>A SQLite database in a temporary file, deleted on dispose.</summary>
public sealed partial class SqliteTestDatabase : TestDatabase
{
    private readonly string _path;

    private SqliteTestDatabase(string path)
    {
        _path = path;

        // No pooling, so that no connection keeps the file open after the test.
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override string ConnectionString { get; }

    /// <summary>A new empty database in a new temporary file.</summary>
    public static Task<TestDatabase> CreateAsync() =>
        Task.FromResult<TestDatabase>(new SqliteTestDatabase(Path.Combine(Path.GetTempPath(), $"pw-test-{Guid.NewGuid():N}.db")));

    public override async Task<IReadOnlySet<string>> ReadSchemaAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var lines = new SortedSet<string>(StringComparer.Ordinal);

        var tables = await QueryAsync(
            connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
            r => (Name: r.GetString(0), Sql: r.GetString(1)));
        foreach (var (table, sql) in tables.Where(t => !SchemaLines.IsMigrationsBookkeeping(t.Name)))
        {
            lines.Add(SchemaLines.Table(table));

            var columns = await QueryAsync(
                connection,
                $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info({Literal(table)}) ORDER BY cid",
                r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetBoolean(2), Default: r.IsDBNull(3) ? null : r.GetString(3), Pk: r.GetInt32(4)));
            foreach (var column in columns)
            {
                lines.Add(SchemaLines.Column(table, column.Name, column.Type, !column.NotNull));
                if (column.Default is not null)
                {
                    lines.Add(SchemaLines.Default(table, column.Name, column.Default));
                }
            }

            var key = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();
            if (key.Count > 0)
            {
                lines.Add(SchemaLines.PrimaryKey(table, key));
            }

            // SQLite keeps AUTOINCREMENT only in the CREATE TABLE text; PRAGMA table_info does not report it.
            foreach (Match match in AutoincrementColumn().Matches(sql))
            {
                lines.Add(SchemaLines.Generated(table, match.Groups["column"].Value, "AUTOINCREMENT"));
            }

            // Likewise named CHECK constraints.
            foreach (Match match in CheckConstraint().Matches(sql))
            {
                lines.Add(SchemaLines.CheckConstraint(table, match.Groups["name"].Value));
            }

            var foreignKeys = await QueryAsync(
                connection,
                $"SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list({Literal(table)}) ORDER BY id, seq",
                r => (Id: r.GetInt32(0), Principal: r.GetString(2), From: r.GetString(3), To: r.GetString(4), OnDelete: r.GetString(5)));
            foreach (var fk in foreignKeys.GroupBy(f => f.Id))
            {
                lines.Add(SchemaLines.ForeignKey(
                    table, fk.Select(f => f.From).ToList(), fk.First().Principal, fk.Select(f => f.To).ToList(), fk.First().OnDelete));
            }

            var indexes = await QueryAsync(
                connection,
                $"SELECT name, \"unique\", origin, partial FROM pragma_index_list({Literal(table)})",
                r => (Name: r.GetString(0), Unique: r.GetBoolean(1), Origin: r.GetString(2), Partial: r.GetBoolean(3)));
            foreach (var index in indexes)
            {
                var indexColumns = (await QueryAsync(
                    connection,
                    $"SELECT name FROM pragma_index_info({Literal(index.Name)}) ORDER BY seqno",
                    r => r.GetString(0))).ToList();
                switch (index.Origin)
                {
                    case "c":
                        lines.Add(SchemaLines.Index(table, index.Name, indexColumns, index.Unique, index.Partial));
                        break;
                    case "u":
                        lines.Add(SchemaLines.UniqueConstraint(table, indexColumns));
                        break;

                    // "pk": the index SQLite makes for a PRIMARY KEY; the key itself is listed above.
                }
            }
        }

        return lines;
    }

    public override async Task ExecuteScriptAsync(string script)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = script;
        await command.ExecuteNonQueryAsync();
    }

    public override void ShouldBeUniqueViolation(DbUpdateException exception, string table, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var sqlite = exception.InnerException.ShouldBeOfType<SqliteException>();

        // 2067 = SQLITE_CONSTRAINT_UNIQUE; the message names the index's columns, e.g. "Outturns.MeasureId, Outturns.Period".
        sqlite.SqliteExtendedErrorCode.ShouldBe(2067, sqlite.Message);
        sqlite.Message.ShouldContain("UNIQUE constraint failed: " + string.Join(", ", columns.Select(c => $"{table}.{c}")));
    }

    public override ValueTask DisposeAsync()
    {
        foreach (var file in new[] { _path, _path + "-journal", _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }

    private static string Literal(string name) => "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static async Task<List<T>> QueryAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    [GeneratedRegex("\"(?<column>[^\"]+)\"\\s+INTEGER\\b[^,]*?\\bAUTOINCREMENT\\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AutoincrementColumn();

    [GeneratedRegex("CONSTRAINT\\s+\"(?<name>[^\"]+)\"\\s+CHECK\\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CheckConstraint();
}
