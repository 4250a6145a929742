using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PerformanceWheel.Data.Tests.Schema;

/// <summary>The schema the EF model expects on the context's provider, as <see cref="SchemaLines"/>.</summary>
public static class ModelSchema
{
    public static IReadOnlySet<string> Expected(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The design-time model keeps the annotations migrations use (identity strategy, autoincrement).
        var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var sqlServer = context.Database.IsSqlServer();
        foreach (var table in model.Tables)
        {
            lines.Add(SchemaLines.Table(table.Name));
            foreach (var column in table.Columns)
            {
                lines.Add(SchemaLines.Column(table.Name, column.Name, column.StoreType, column.IsNullable));
                if (column.DefaultValueSql is { } sql)
                {
                    lines.Add(SchemaLines.Default(table.Name, column.Name, sql));
                }
                else if (column.DefaultValue is { } value)
                {
                    lines.Add(SchemaLines.Default(table.Name, column.Name, column.StoreTypeMapping.GenerateSqlLiteral(value)));
                }

                if (Generation(column) is { } how)
                {
                    lines.Add(SchemaLines.Generated(table.Name, column.Name, how));
                }
            }

            if (table.PrimaryKey is { } key)
            {
                lines.Add(SchemaLines.PrimaryKey(table.Name, key.Columns.Select(c => c.Name)));
            }

            foreach (var fk in table.ForeignKeyConstraints)
            {
                lines.Add(SchemaLines.ForeignKey(
                    table.Name, fk.Columns.Select(c => c.Name), fk.PrincipalTable.Name, fk.PrincipalColumns.Select(c => c.Name), Sql(fk.OnDeleteAction, sqlServer)));
            }

            foreach (var unique in table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()))
            {
                lines.Add(SchemaLines.UniqueConstraint(table.Name, unique.Columns.Select(c => c.Name)));
            }

            foreach (var check in table.CheckConstraints)
            {
                lines.Add(SchemaLines.CheckConstraint(table.Name, check.Name!));
            }

            foreach (var index in table.Indexes)
            {
                lines.Add(SchemaLines.Index(table.Name, index.Name, index.Columns.Select(c => c.Name), index.IsUnique, index.Filter is not null));
            }
        }

        return lines;
    }

    /// <summary>How the database generates the column's value, in the words <see cref="Databases.TestDatabase.ReadSchemaAsync"/> uses.</summary>
    private static string? Generation(IColumn column)
    {
        if (column.FindAnnotation("Sqlite:Autoincrement")?.Value is true)
        {
            return "AUTOINCREMENT";
        }

        if (column.FindAnnotation("SqlServer:Identity") is not null)
        {
            return "IDENTITY";
        }

        return column.FindAnnotation("Npgsql:ValueGenerationStrategy")?.Value?.ToString() switch
        {
            null or "None" => null,
            "IdentityByDefaultColumn" => "BY DEFAULT AS IDENTITY",
            "IdentityAlwaysColumn" => "ALWAYS AS IDENTITY",
            var other => $"by Npgsql strategy {other} (not understood by this test: extend ModelSchema and the reader)",
        };
    }

    /// <summary>
    /// EF's referential action in the SQL words the catalogues report (SQLite's PRAGMA, PostgreSQL's confdeltype, SQL
    /// Server's sys.foreign_keys). SQL Server has no RESTRICT: EF writes NO ACTION, which also refuses the delete.
    /// </summary>
    private static string Sql(ReferentialAction action, bool sqlServer) => action switch
    {
        ReferentialAction.NoAction => "NO ACTION",
        ReferentialAction.Restrict => sqlServer ? "NO ACTION" : "RESTRICT",
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown referential action."),
    };

    /// <summary>Asserts two schemas are the same, listing what the database lacks and what it has in excess.</summary>
    public static void ShouldMatch(IReadOnlySet<string> actual, IReadOnlySet<string> expected, string what)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        var missing = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0 && extra.Count == 0)
        {
            return;
        }

        var message = $"{what} differs from the model."
            + $"{Environment.NewLine}Missing from the database (the model expects them):{Environment.NewLine}  "
            + (missing.Count == 0 ? "(none)" : string.Join(Environment.NewLine + "  ", missing))
            + $"{Environment.NewLine}Extra in the database (the model does not have them):{Environment.NewLine}  "
            + (extra.Count == 0 ? "(none)" : string.Join(Environment.NewLine + "  ", extra));
        Assert.Fail(message);
    }
}
