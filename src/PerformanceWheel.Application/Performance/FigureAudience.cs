namespace PerformanceWheel.Application.Performance;

/// <summary>
/// Who the figures are for in this request (see <see cref="FigureScope"/>): councillors and anonymous readers see
/// published figures only; officers and Admins also see every draft (marked as such); a Director sees the drafts of
/// their own directorates only. The web app decides from the signed-in user or API key.
/// </summary>
public interface IFigureAudience
{
    FigureScope Scope { get; }

    /// <summary>No draft at all may be shown to this reader.</summary>
    bool PublishedOnly => Scope.PublishedOnly;
}

/// <summary>Every figure, drafts included: for back-office jobs and tests with no reader.</summary>
public sealed class AllFiguresAudience : IFigureAudience
{
    public FigureScope Scope => FigureScope.Everything;
}
