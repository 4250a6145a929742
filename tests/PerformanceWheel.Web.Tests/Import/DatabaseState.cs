using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PerformanceWheel.TestSupport;

namespace PerformanceWheel.Web.Tests.Import;

/// <summary>Every row of every table as text (rows sorted), to prove that a refused import left the database exactly as it was.</summary>
internal static class DatabaseState
{
    public static async Task<string> OfAsync(TestDatabase database, params string[] exceptTables)
    {
        await using var db = database.CreateContext();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Where(t => !exceptTables.Contains(t)).Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await using DbCommand command = connection.CreateCommand();
#pragma warning disable CA2100 // table names come from the EF model
            command.CommandText = $"SELECT * FROM \"{table}\"";
#pragma warning restore CA2100
            var rows = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var values = new object[reader.FieldCount];
                    reader.GetValues(values);
                    rows.Add(string.Join('|', values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
                }
            }

            rows.Sort(StringComparer.Ordinal);
            text.Append(table).Append(": ").Append(rows.Count).AppendLine();
            foreach (var row in rows)
            {
                text.AppendLine(row);
            }
        }

        return text.ToString();
    }
}
