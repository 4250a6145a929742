using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.Data.Tests.Schema;
using PerformanceWheel.TestSupport;
using Shouldly;

namespace PerformanceWheel.Data.Tests.Databases;

/// <summary>
/// A uniquely named database (pw_test_…) on the SQL Server named by PERFORMANCEWHEEL_TEST_SQLSERVER, created empty and
/// dropped on dispose. Not run here: no SQL Server engine runs on these machines (see <see cref="SqlServerFactAttribute"/>).
/// </summary>
public sealed partial class SqlServerTestDatabase : TestDatabase
{
    private readonly string _name;

    private SqlServerTestDatabase(string name, string connectionString)
    {
        _name = name;
        ConnectionString = connectionString;
    }

    public static bool IsConfigured => SqlServerFactAttribute.AdminConnectionString is not null;

    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public override string ConnectionString { get; }

    /// <summary>A new empty database on the test server.</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = SqlServerFactAttribute.AdminConnectionString ?? throw new InvalidOperationException(SqlServerFactAttribute.NotConfigured);
        var name = $"pw_test_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE [{name}]");

        // No pooling, so that no idle connection outlives the database.
        var connectionString = new SqlConnectionStringBuilder(admin) { InitialCatalog = name, Pooling = false }.ConnectionString;
        return new SqlServerTestDatabase(name, connectionString);
    }

    public override async Task<IReadOnlySet<string>> ReadSchemaAsync()
    {
        await using var connection = new SqlConnection(ConnectionString);
        await connection.OpenAsync();
        var lines = new SortedSet<string>(StringComparer.Ordinal);

        var columns = await QueryAsync(
            connection,
            """
            SELECT t.name, c.name, ty.name, c.max_length, c.precision, c.scale, c.is_nullable, c.is_identity, dc.definition
            FROM sys.tables t
            JOIN sys.columns c ON c.object_id = t.object_id
            JOIN sys.types ty ON ty.user_type_id = c.user_type_id
            LEFT JOIN sys.default_constraints dc ON dc.parent_object_id = c.object_id AND dc.parent_column_id = c.column_id
            """,
            r => (Table: r.GetString(0), Name: r.GetString(1), Type: StoreType(r.GetString(2), r.GetInt16(3), r.GetByte(4), r.GetByte(5)),
                Nullable: r.GetBoolean(6), Identity: r.GetBoolean(7), Default: r.IsDBNull(8) ? null : r.GetString(8)));
        foreach (var column in columns.Where(c => !SchemaLines.IsMigrationsBookkeeping(c.Table)))
        {
            lines.Add(SchemaLines.Table(column.Table));
            lines.Add(SchemaLines.Column(column.Table, column.Name, column.Type, column.Nullable));
            if (column.Default is not null)
            {
                lines.Add(SchemaLines.Default(column.Table, column.Name, Default(column.Default)));
            }

            if (column.Identity)
            {
                lines.Add(SchemaLines.Generated(column.Table, column.Name, "IDENTITY"));
            }
        }

        var indexes = await QueryAsync(
            connection,
            """
            SELECT t.name, i.name, i.is_primary_key, i.is_unique_constraint, i.is_unique, i.has_filter,
                   STRING_AGG(c.name, ',') WITHIN GROUP (ORDER BY ic.key_ordinal)
            FROM sys.indexes i
            JOIN sys.tables t ON t.object_id = i.object_id
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.key_ordinal > 0
            JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE i.type > 0
            GROUP BY t.name, i.name, i.is_primary_key, i.is_unique_constraint, i.is_unique, i.has_filter
            """,
            r => (Table: r.GetString(0), Name: r.GetString(1), Primary: r.GetBoolean(2), UniqueConstraint: r.GetBoolean(3), Unique: r.GetBoolean(4),
                Partial: r.GetBoolean(5), Columns: r.GetString(6).Split(',')));
        foreach (var index in indexes.Where(i => !SchemaLines.IsMigrationsBookkeeping(i.Table)))
        {
            lines.Add(index.Primary ? SchemaLines.PrimaryKey(index.Table, index.Columns)
                : index.UniqueConstraint ? SchemaLines.UniqueConstraint(index.Table, index.Columns)
                : SchemaLines.Index(index.Table, index.Name, index.Columns, index.Unique, index.Partial));
        }

        var foreignKeys = await QueryAsync(
            connection,
            """
            SELECT t.name, p.name, fk.delete_referential_action_desc,
                   STRING_AGG(c.name, ',') WITHIN GROUP (ORDER BY fkc.constraint_column_id),
                   STRING_AGG(pc.name, ',') WITHIN GROUP (ORDER BY fkc.constraint_column_id)
            FROM sys.foreign_keys fk
            JOIN sys.tables t ON t.object_id = fk.parent_object_id
            JOIN sys.tables p ON p.object_id = fk.referenced_object_id
            JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
            JOIN sys.columns c ON c.object_id = fkc.parent_object_id AND c.column_id = fkc.parent_column_id
            JOIN sys.columns pc ON pc.object_id = fkc.referenced_object_id AND pc.column_id = fkc.referenced_column_id
            GROUP BY fk.object_id, t.name, p.name, fk.delete_referential_action_desc
            """,
            r => (Table: r.GetString(0), Principal: r.GetString(1), OnDelete: r.GetString(2).Replace('_', ' '), Columns: r.GetString(3).Split(','),
                PrincipalColumns: r.GetString(4).Split(',')));
        foreach (var fk in foreignKeys)
        {
            lines.Add(SchemaLines.ForeignKey(fk.Table, fk.Columns, fk.Principal, fk.PrincipalColumns, fk.OnDelete));
        }

        var checks = await QueryAsync(
            connection,
            "SELECT t.name, cc.name FROM sys.check_constraints cc JOIN sys.tables t ON t.object_id = cc.parent_object_id",
            r => (Table: r.GetString(0), Name: r.GetString(1)));
        foreach (var check in checks)
        {
            lines.Add(SchemaLines.CheckConstraint(check.Table, check.Name));
        }

        return lines;
    }

    /// <summary>Runs a script as sqlcmd would: batch by batch, split at GO lines.</summary>
    public override async Task ExecuteScriptAsync(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        await using var connection = new SqlConnection(ConnectionString);
        await connection.OpenAsync();
        foreach (var batch in BatchSeparator().Split(script).Where(b => !string.IsNullOrWhiteSpace(b)))
        {
            await using var command = new SqlCommand(batch, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public override void ShouldBeUniqueViolation(DbUpdateException exception, string table, params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var sqlServer = exception.InnerException.ShouldBeOfType<SqlException>();

        // 2601: "Cannot insert duplicate key row in object 'dbo.Outturns' with unique index 'IX_Outturns_MeasureId_Period'."
        sqlServer.Number.ShouldBe(2601, sqlServer.Message);
        sqlServer.Message.ShouldContain($"'dbo.{table}'");
        sqlServer.Message.ShouldContain($"'IX_{table}_{string.Join('_', columns)}'");
    }

    public override async ValueTask DisposeAsync()
    {
        SqlConnection.ClearAllPools();
        await ExecuteAsync(
            SqlServerFactAttribute.AdminConnectionString!,
            $"IF DB_ID(N'{_name}') IS NOT NULL BEGIN ALTER DATABASE [{_name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_name}]; END");
    }

    /// <summary>The type as EF names it: nvarchar(100), nvarchar(max), decimal(18,6), int, bit, datetimeoffset.</summary>
    private static string StoreType(string type, short maxLength, byte precision, byte scale) => type switch
    {
        "nvarchar" or "nchar" => maxLength < 0 ? $"{type}(max)" : $"{type}({maxLength / 2})",
        "varchar" or "char" or "varbinary" or "binary" => maxLength < 0 ? $"{type}(max)" : $"{type}({maxLength})",
        "decimal" or "numeric" => $"{type}({precision},{scale})",
        _ => type,
    };

    /// <summary>SQL Server keeps a default as it rewrote it, "(CONVERT([bit],(0)))" for EF's "CAST(0 AS bit)"; written back as EF writes it.</summary>
    private static string Default(string definition)
    {
        var convert = ConvertDefault().Match(definition);
        return convert.Success ? $"CAST({convert.Groups["value"].Value} AS {convert.Groups["type"].Value})" : definition.Trim('(', ')');
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<T>> QueryAsync<T>(SqlConnection connection, string sql, Func<SqlDataReader, T> read)
    {
        await using var command = new SqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BatchSeparator();

    [GeneratedRegex(@"^\(CONVERT\(\[(?<type>\w+)\],\((?<value>[^()]*)\)\)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertDefault();
}
