using PerformanceWheel.MigrationScaffolder;

// Scaffolds EF migrations for every provider, or writes a provider's migration script (docs/decisions/0016).
// The dotnet-ef CLI does not start on these machines (ENVIRONMENT.md), so this does in code what `dotnet ef` would.
return await Commands.RunAsync(args);
