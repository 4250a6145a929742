using Xunit;

namespace PerformanceWheel.TestSupport;

/// <summary>
/// A test that needs a real SQL Server. Skipped (with the reason) when PERFORMANCEWHEEL_TEST_SQLSERVER is not set: no
/// SQL Server engine can run on the machines this project is built on, so these tests have not been run against a live
/// server (README "Databases"); anyone with one (docker compose --profile sqlserver) sets the variable and runs them.
/// </summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public const string Variable = "PERFORMANCEWHEEL_TEST_SQLSERVER";

    public const string NotConfigured =
        Variable + " is not set: SQL Server tests need an admin connection string, e.g. "
        + "Server=127.0.0.1,1433;User Id=sa;Password=…;TrustServerCertificate=True (docker compose --profile sqlserver up db-sqlserver).";

    public SqlServerFactAttribute()
    {
        if (AdminConnectionString is null)
        {
            Skip = NotConfigured;
        }
    }

    public static string? AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
}
