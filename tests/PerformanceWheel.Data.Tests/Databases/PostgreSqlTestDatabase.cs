using Microsoft.EntityFrameworkCore;
using Npgsql;
using PerformanceWheel.Data.Tests.Schema;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Databases;

/// <summary>
/// A uniquely named database (pw_test_…) on the server named by <see cref="EnvironmentVariable"/>,
/// created empty and dropped WITH (FORCE) on dispose.
/// </summary>
public sealed class PostgreSqlTestDatabase : TestDatabase
{
    public const string EnvironmentVariable = "PERFORMANCEWHEEL_TEST_POSTGRES";

    public const string NotConfiguredMessage =
        "PostgreSQL tests need " + EnvironmentVariable + " (an admin connection string, e.g. "
        + "Host=127.0.0.1;Port=54321;Username=pwtest;Password=…;Database=postgres); scripts/test.sh sets it.";

    private readonly string _name;

    private PostgreSqlTestDatabase(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    public static string? AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static bool IsConfigured => AdminConnectionString is not null;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string ConnectionString { get; }

    /// <summary>A new empty database on the test server.</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = AdminConnectionString ?? throw new InvalidOperationException(NotConfiguredMessage);
        var name = $"pw_test_{Guid.NewGuid():N}";
        await ExecuteAdminAsync(admin, $"CREATE DATABASE \"{name}\"");

        // No pooling, so that no idle connection outlives the database.
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        return new PostgreSqlTestDatabase(name, connectionString);
    }

    public override async Task<IReadOnlySet<string>> ReadSchemaAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var lines = new SortedSet<string>(StringComparer.Ordinal);

        // Tables and columns. format_type gives the same store type names EF uses ("character varying(32)", "numeric(18,6)").
        var columns = await QueryAsync(
            connection,
            """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attidentity::text,
                   pg_get_expr(d.adbin, d.adrelid)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
            """,
            r => (Table: r.GetString(0), Name: r.GetString(1), Type: r.GetString(2), NotNull: r.GetBoolean(3), Identity: r.GetString(4),
                Default: r.IsDBNull(5) ? null : r.GetString(5)));
        foreach (var column in columns.Where(c => !SchemaLines.IsMigrationsBookkeeping(c.Table)))
        {
            lines.Add(SchemaLines.Table(column.Table));
            lines.Add(SchemaLines.Column(column.Table, column.Name, column.Type, !column.NotNull));
            if (column.Default is not null)
            {
                lines.Add(SchemaLines.Default(column.Table, column.Name, column.Default));
            }

            switch (column.Identity)
            {
                case "d":
                    lines.Add(SchemaLines.Generated(column.Table, column.Name, "BY DEFAULT AS IDENTITY"));
                    break;
                case "a":
                    lines.Add(SchemaLines.Generated(column.Table, column.Name, "ALWAYS AS IDENTITY"));
                    break;
            }
        }

        // Primary keys, foreign keys, unique and check constraints.
        var constraints = await QueryAsync(
            connection,
            """
            SELECT c.relname, con.contype::text, con.conname,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
                   p.relname,
                   ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord),
                   con.confdeltype::text
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class p ON p.oid = con.confrelid
            WHERE n.nspname = 'public'
            """,
            r => (Table: r.GetString(0), Type: r.GetString(1), Name: r.GetString(2), Columns: r.GetFieldValue<string[]>(3),
                Principal: r.IsDBNull(4) ? null : r.GetString(4), PrincipalColumns: r.GetFieldValue<string[]>(5), OnDelete: r.GetString(6)));
        foreach (var constraint in constraints.Where(c => !SchemaLines.IsMigrationsBookkeeping(c.Table)))
        {
            lines.Add(constraint.Type switch
            {
                "p" => SchemaLines.PrimaryKey(constraint.Table, constraint.Columns),
                "f" => SchemaLines.ForeignKey(constraint.Table, constraint.Columns, constraint.Principal!, constraint.PrincipalColumns, OnDelete(constraint.OnDelete)),
                "u" => SchemaLines.UniqueConstraint(constraint.Table, constraint.Columns),
                "c" => SchemaLines.CheckConstraint(constraint.Table, constraint.Name),
                _ => $"{constraint.Table} constraint {constraint.Name} of type '{constraint.Type}' (not understood by this test)",
            });
        }

        // Indexes, except those PostgreSQL creates for primary key, unique and exclusion constraints (listed above).
        var indexes = await QueryAsync(
            connection,
            """
            SELECT t.relname, i.relname, ix.indisunique, ix.indpred IS NOT NULL,
                   ARRAY(SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.ord)
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = 'public'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x'))
            """,
            r => (Table: r.GetString(0), Name: r.GetString(1), Unique: r.GetBoolean(2), Partial: r.GetBoolean(3), Columns: r.GetFieldValue<string[]>(4)));
        foreach (var index in indexes.Where(i => !SchemaLines.IsMigrationsBookkeeping(i.Table)))
        {
            lines.Add(SchemaLines.Index(index.Table, index.Name, index.Columns, index.Unique, index.Partial));
        }

        return lines;
    }

    public override async Task ExecuteScriptAsync(string script)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(script, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override void ShouldBeUniqueViolation(DbUpdateException exception, string table, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var postgres = exception.InnerException.ShouldBeOfType<PostgresException>();
        postgres.SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation, postgres.Message);
        postgres.TableName.ShouldBe(table);
        postgres.ConstraintName.ShouldBe($"IX_{table}_{string.Join('_', columns)}");
    }

    public override async ValueTask DisposeAsync() =>
        await ExecuteAdminAsync(AdminConnectionString!, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");

    /// <summary>pg_constraint.confdeltype as SQL words.</summary>
    private static string OnDelete(string code) => code switch
    {
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => $"unknown confdeltype '{code}'",
    };

    private static async Task ExecuteAdminAsync(string adminConnectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
