using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PerformanceWheel.Data;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.TestSupport;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Api;

/// <summary>
/// In Production a body over the API's limit answers 413 as problem details (not the HTML error page), before anything
/// is read, and changes nothing: Api:MaxBodyBytes for JSON, Import:MaxFileBytes and 1 MB for the workbook import.
/// </summary>
public sealed class OversizedBodiesInProduction
{
    [Fact]
    public async Task OversizedBodiesAnswer413ProblemDetailsAndChangeNothing()
    {
        await using var factory = new AppFactory(TestDatabases.CreateSqlite(), environment: "Production",
            settings: new Dictionary<string, string> { ["Api:MaxBodyBytes"] = "2048", ["Import:MaxFileBytes"] = "4096" });
        var key = await ApiClient.CreateKeyAsync(factory, Roles.Admin);
        var api = ApiClient.With(factory, key);
        var before = await CountsAsync(factory);

        using var json = new StringContent(
            $$"""{"measure":"PH-BF-01","period":"2019/20 Q3","value":50,"commentary":"{{new string('x', 4000)}}"}""", Encoding.UTF8, "application/json");
        var outturn = await api.PostAsync(ApiClient.Url("/api/v1/outturns"), json);

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(new byte[(1024 * 1024) + 8192]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "big.xlsx");
        var workbook = await api.PostAsync(ApiClient.Url("/api/v1/imports/workbook"), form);

        (await ApiClient.ProblemAsync(outturn, 413)).GetProperty("detail").GetString().ShouldBe("This endpoint accepts a body of at most 2,048 bytes; nothing was read or changed.");
        (await ApiClient.ProblemAsync(workbook, 413)).GetProperty("detail").GetString().ShouldBe("This endpoint accepts a body of at most 1,052,672 bytes; nothing was read or changed.");
        (await CountsAsync(factory)).ShouldBe(before);
    }

    private static async Task<(int Outturns, int Revisions, int Measures)> CountsAsync(AppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerformanceWheelDbContext>();
        return (await db.Outturns.CountAsync(), await db.OutturnRevisions.CountAsync(), await db.Measures.CountAsync());
    }
}
