using PerformanceWheel.Domain.Projects;

namespace PerformanceWheel.Web.Components.Shared;

/// <summary>Words for a project's progress, as in the key to ratings.</summary>
public static class ProjectText
{
    public static string Direction(ProjectDirection direction) => direction switch
    {
        ProjectDirection.MilestoneAchieved => "↑ Achieved a milestone",
        ProjectDirection.Progressing => "→ Progressing",
        _ => "↓ Missed or at risk of missing milestones",
    };
}
