using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PerformanceWheel.Data;

/// <summary>Which failed saves mean "someone else changed the same data meanwhile", on each provider.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqlServerDuplicateKeyInIndex = 2601;
    private const int SqlServerDuplicateKeyInConstraint = 2627;

    /// <summary>
    /// A clash with another writer: a concurrency token that no longer matched (<see cref="DbUpdateConcurrencyException"/>),
    /// or a unique key someone else took first. Anything else (a broken connection, a constraint or trigger, a full disk)
    /// is a fault, not a clash.
    /// </summary>
    public static bool IsClash(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || IsUniqueViolation(exception);

    /// <summary>A unique index or primary key violated: SQLite error 19 with extended code 2067 (or 1555), PostgreSQL 23505, SQL Server 2601 (unique index) or 2627 (unique or primary key constraint).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;
                case PostgresException postgres:
                    return postgres.SqlState == PostgresErrorCodes.UniqueViolation;
                case SqlException sqlServer:
                    return sqlServer.Number is SqlServerDuplicateKeyInIndex or SqlServerDuplicateKeyInConstraint;
            }
        }

        return false;
    }
}
