namespace PerformanceWheel.Application.Workflow;

/// <summary>An operation on one directorate's quarter, decided for a user and that directorate by <see cref="DirectorateAccess"/>.</summary>
public enum DirectorateOperation
{
    /// <summary>Open the directorate's outturn grid and read its unpublished figures.</summary>
    ReviewFigures = 1,

    /// <summary>Enter and change the directorate's figures (grid, API, import) and correct published ones.</summary>
    EnterFigures = 2,

    /// <summary>Submit the directorate's figures for approval.</summary>
    SubmitFigures = 3,

    /// <summary>Approve the directorate's submitted figures (separation of duties then applies figure by figure).</summary>
    ApproveFigures = 4,

    /// <summary>Return the directorate's submitted figures with a reason.</summary>
    ReturnFigures = 5,

    /// <summary>Add, change and remove the critical items of the directorate's Red measures.</summary>
    CriticalItems = 6,

    /// <summary>Enter, submit, approve and return the updates of the directorate's projects.</summary>
    ProjectUpdates = 7,

    /// <summary>Write the directorate's key issues for a quarter (the director's words in the covering report).</summary>
    KeyIssues = 8,
}

/// <summary>
/// Who may do what to a directorate, in one place (docs/security.md, "Who sees what"): officers (Admin,
/// PerformanceOfficer) enter, submit and review every directorate's figures; a Director of the directorate or an Admin
/// approves and returns them and writes its key issues; officers and a Director of the directorate keep its critical items and project updates.
/// The web app's authorization handler asks this for pages and the API alike; the commands ask it again before they
/// change anything, whoever calls them.
/// </summary>
public static class DirectorateAccess
{
    /// <summary>The claim naming a directorate a Director answers for (signed-in Directors and Director API keys).</summary>
    public const string ClaimType = "performancewheel:directorate";

    public static bool Allows(WorkflowUser user, DirectorateOperation operation, string? directorate)
    {
        ArgumentNullException.ThrowIfNull(user);
        return operation switch
        {
            DirectorateOperation.EnterFigures or DirectorateOperation.SubmitFigures => user.IsOfficer,
            DirectorateOperation.ApproveFigures or DirectorateOperation.ReturnFigures or DirectorateOperation.KeyIssues => user.IsAdmin || user.Directs(directorate),
            DirectorateOperation.ReviewFigures or DirectorateOperation.CriticalItems or DirectorateOperation.ProjectUpdates => user.IsOfficer || user.Directs(directorate),
            _ => false,
        };
    }
}
