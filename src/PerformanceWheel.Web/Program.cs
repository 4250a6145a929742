using PerformanceWheel.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPerformanceWheel();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UsePerformanceWheel();
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
