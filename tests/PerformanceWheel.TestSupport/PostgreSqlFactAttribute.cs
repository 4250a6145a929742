using Xunit;

namespace PerformanceWheel.TestSupport;

/// <summary>
/// A test that needs a real PostgreSQL server. Skipped (with the reason) when PERFORMANCEWHEEL_TEST_POSTGRES is not set;
/// scripts/test.sh always sets it and fails the run if any PostgreSql test was skipped.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (TestDatabases.PostgreSqlAdminConnectionString is null)
        {
            Skip = $"{TestDatabases.PostgreSqlVariable} is not set; run scripts/test.sh to start a throwaway PostgreSQL.";
        }
    }
}

/// <summary>A theory that needs a real PostgreSQL server; see <see cref="PostgreSqlFactAttribute"/>.</summary>
public sealed class PostgreSqlTheoryAttribute : TheoryAttribute
{
    public PostgreSqlTheoryAttribute()
    {
        if (TestDatabases.PostgreSqlAdminConnectionString is null)
        {
            Skip = $"{TestDatabases.PostgreSqlVariable} is not set; run scripts/test.sh to start a throwaway PostgreSQL.";
        }
    }
}
