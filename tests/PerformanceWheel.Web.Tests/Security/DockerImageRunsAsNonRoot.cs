using Shouldly;

namespace PerformanceWheel.Web.Tests.Security;

/// <summary>The Docker image's final stage runs the app as a non-root user (the file is read: CI has no Docker engine).</summary>
public sealed class DockerImageRunsAsNonRoot
{
    [Fact]
    public void TheFinalStageSwitchesToAnUnprivilegedUserBeforeItsEntrypoint()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dockerfile")))
        {
            directory = directory.Parent;
        }

        directory.ShouldNotBeNull("the repository's Dockerfile");
        var lines = File.ReadAllLines(Path.Combine(directory.FullName, "Dockerfile")).Select(l => l.Trim()).ToList();
        var finalStage = lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase));
        var entrypoint = lines.FindLastIndex(l => l.StartsWith("ENTRYPOINT", StringComparison.OrdinalIgnoreCase));
        entrypoint.ShouldBeGreaterThan(finalStage);
        var user = lines.Take(entrypoint).Skip(finalStage).LastOrDefault(l => l.StartsWith("USER ", StringComparison.OrdinalIgnoreCase));
        user.ShouldNotBeNull("the final stage names a USER");
        user[5..].Trim().ShouldNotBeOneOf("root", "0", "0:0");
    }
}
