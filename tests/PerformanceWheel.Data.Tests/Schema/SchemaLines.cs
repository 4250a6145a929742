namespace PerformanceWheel.Data.Tests.Schema;

/// <summary>
/// One line of text per schema fact, the same for the model's expectation and for the live database, so two schemas
/// compare as sorted sets of lines, e.g. "Measures.Code character varying(32) NOT NULL" or
/// "Measures FK(DirectorateId)->Directorates(Id) ON DELETE RESTRICT".
/// </summary>
public static class SchemaLines
{
    /// <summary>
    /// EF's own bookkeeping, not part of the model: the history table, and the lock table EF's SQLite provider
    /// creates while migrating.
    /// </summary>
    public static bool IsMigrationsBookkeeping(string table) => table is "__EFMigrationsHistory" or "__EFMigrationsLock";

    public static string Table(string table) => $"TABLE {table}";

    public static string Column(string table, string column, string storeType, bool isNullable) =>
        $"{table}.{column} {storeType} {(isNullable ? "NULL" : "NOT NULL")}";

    /// <summary>
    /// A column default. SQL keywords are case-insensitive: EF's Npgsql literal for false is FALSE, PostgreSQL's
    /// catalogue prints false, so boolean literals are compared in lower case.
    /// </summary>
    public static string Default(string table, string column, string expression) =>
        $"{table}.{column} DEFAULT {(expression.ToUpperInvariant() is "TRUE" or "FALSE" ? expression.ToLowerInvariant() : expression)}";

    /// <summary>A column whose value the database generates: AUTOINCREMENT (SQLite) or an identity (PostgreSQL).</summary>
    public static string Generated(string table, string column, string how) => $"{table}.{column} GENERATED {how}";

    public static string PrimaryKey(string table, IEnumerable<string> columns) => $"{table} PK({string.Join(",", columns)})";

    public static string ForeignKey(string table, IEnumerable<string> columns, string principalTable, IEnumerable<string> principalColumns, string onDelete) =>
        $"{table} FK({string.Join(",", columns)})->{principalTable}({string.Join(",", principalColumns)}) ON DELETE {onDelete}";

    public static string UniqueConstraint(string table, IEnumerable<string> columns) => $"{table} UQ({string.Join(",", columns)})";

    public static string CheckConstraint(string table, string name) => $"{table} CK {name}";

    public static string Index(string table, string name, IEnumerable<string> columns, bool unique, bool partial) =>
        $"{table} IX {name}({string.Join(",", columns)}){(unique ? " UNIQUE" : string.Empty)}{(partial ? " PARTIAL" : string.Empty)}";
}
