namespace PerformanceWheel.Application.Performance;

/// <summary>
/// Who the figures are for in this request. Councillors and anonymous readers see published figures only; officers
/// and directors also see drafts (marked as such). The web app decides from the signed-in user.
/// </summary>
public interface IFigureAudience
{
    bool PublishedOnly { get; }
}

/// <summary>Every figure, drafts included: for back-office jobs and tests with no reader.</summary>
public sealed class AllFiguresAudience : IFigureAudience
{
    public bool PublishedOnly => false;
}
