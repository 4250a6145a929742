namespace PerformanceWheel.Data.Tests.Databases;

/// <summary>
/// A fact that needs a PostgreSQL server: skipped, saying why, when PERFORMANCEWHEEL_TEST_POSTGRES is not set.
/// scripts/test.sh sets it and fails the run if any test named *PostgreSql* was skipped or did not run.
/// </summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (!PostgreSqlTestDatabase.IsConfigured)
        {
            Skip = PostgreSqlTestDatabase.NotConfiguredMessage;
        }
    }
}
