using PerformanceWheel.Domain.Projects;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Application.Projects;

/// <summary>
/// The one owner of how a project update's choices are written and read: BRAG (Blue = complete), direction and a
/// milestone's status, by their names (the API, workbooks) or their words (forms, pages), ignoring case and spaces.
/// </summary>
public static class ProjectUpdateText
{
    public static IReadOnlyList<RagStatus> Brags { get; } = [RagStatus.Blue, RagStatus.Green, RagStatus.Amber, RagStatus.Red];

    public static IReadOnlyList<ProjectDirection> Directions { get; } = [ProjectDirection.MilestoneAchieved, ProjectDirection.Progressing, ProjectDirection.MissedOrAtRisk];

    public static IReadOnlyList<MilestoneStatus> MilestoneStatuses { get; } = [MilestoneStatus.NotStarted, MilestoneStatus.OnTrack, MilestoneStatus.Achieved, MilestoneStatus.Missed];

    public static string BragLabel(RagStatus brag) => brag switch
    {
        RagStatus.Blue => "Blue (complete)",
        RagStatus.Green => "Green (on track)",
        RagStatus.Amber => "Amber (some risk)",
        RagStatus.Red => "Red (off track)",
        _ => brag.ToString(),
    };

    public static string DirectionLabel(ProjectDirection direction) => direction switch
    {
        ProjectDirection.MilestoneAchieved => "Milestone achieved",
        ProjectDirection.Progressing => "Progressing",
        ProjectDirection.MissedOrAtRisk => "Missed or at risk of missing milestones",
        _ => direction.ToString(),
    };

    public static string MilestoneLabel(MilestoneStatus status) => status switch
    {
        MilestoneStatus.NotStarted => "Not started",
        MilestoneStatus.OnTrack => "On track",
        MilestoneStatus.Achieved => "Achieved",
        MilestoneStatus.Missed => "Missed",
        _ => status.ToString(),
    };

    public static string BragChoices { get; } = "Blue, Green, Amber or Red";

    public static string DirectionChoices { get; } = "MilestoneAchieved, Progressing or MissedOrAtRisk";

    public static string MilestoneChoices { get; } = "NotStarted, OnTrack, Achieved or Missed";

    public static bool TryBrag(string? text, out RagStatus brag)
    {
        brag = default;
        var key = Key(text);
        foreach (var b in Brags)
        {
            if (key == Key(b.ToString()) || key == Key(b.ToString())[..1])
            {
                brag = b;
                return true;
            }
        }

        return false;
    }

    public static bool TryDirection(string? text, out ProjectDirection direction)
    {
        direction = default;
        var key = Key(text);
        foreach (var d in Directions)
        {
            if (key == Key(d.ToString()) || key == Key(DirectionLabel(d)))
            {
                direction = d;
                return true;
            }
        }

        return false;
    }

    public static bool TryMilestone(string? text, out MilestoneStatus status)
    {
        status = default;
        var key = Key(text);
        foreach (var s in MilestoneStatuses)
        {
            if (key == Key(s.ToString()))
            {
                status = s;
                return true;
            }
        }

        return false;
    }

    private static string Key(string? text) =>
        new((text ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
