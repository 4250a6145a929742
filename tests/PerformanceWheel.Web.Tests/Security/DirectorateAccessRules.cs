using PerformanceWheel.Application.Workflow;
using Shouldly;

namespace PerformanceWheel.Web.Tests.Security;

/// <summary>
/// The one rule for directorate operations (docs/security.md, "Who sees what"), as a table: officers enter, submit and
/// review every directorate; approving and returning is a Director of the directorate's or an Admin's; critical items
/// and project updates are officers' and the directorate's Director's.
/// </summary>
public sealed class DirectorateAccessRules
{
    private const string Own = "Adults Services";
    private const string Other = "Public Health";

    public enum Who
    {
        Admin,
        Officer,
        Director,
        Councillor,
    }

    [Theory]
    [InlineData(Who.Admin, DirectorateOperation.EnterFigures, Other, true)]
    [InlineData(Who.Officer, DirectorateOperation.EnterFigures, Other, true)]
    [InlineData(Who.Director, DirectorateOperation.EnterFigures, Own, false)]
    [InlineData(Who.Officer, DirectorateOperation.SubmitFigures, Other, true)]
    [InlineData(Who.Director, DirectorateOperation.SubmitFigures, Own, false)]
    [InlineData(Who.Admin, DirectorateOperation.ApproveFigures, Other, true)]
    [InlineData(Who.Officer, DirectorateOperation.ApproveFigures, Other, false)]
    [InlineData(Who.Director, DirectorateOperation.ApproveFigures, Own, true)]
    [InlineData(Who.Director, DirectorateOperation.ApproveFigures, Other, false)]
    [InlineData(Who.Director, DirectorateOperation.ReturnFigures, Own, true)]
    [InlineData(Who.Director, DirectorateOperation.ReturnFigures, Other, false)]
    [InlineData(Who.Officer, DirectorateOperation.ReturnFigures, Own, false)]
    [InlineData(Who.Officer, DirectorateOperation.ReviewFigures, Other, true)]
    [InlineData(Who.Director, DirectorateOperation.ReviewFigures, Own, true)]
    [InlineData(Who.Director, DirectorateOperation.ReviewFigures, Other, false)]
    [InlineData(Who.Councillor, DirectorateOperation.ReviewFigures, Own, false)]
    [InlineData(Who.Director, DirectorateOperation.CriticalItems, Own, true)]
    [InlineData(Who.Director, DirectorateOperation.CriticalItems, Other, false)]
    [InlineData(Who.Officer, DirectorateOperation.CriticalItems, Other, true)]
    [InlineData(Who.Director, DirectorateOperation.ProjectUpdates, Own, true)]
    [InlineData(Who.Director, DirectorateOperation.ProjectUpdates, Other, false)]
    [InlineData(Who.Officer, DirectorateOperation.ProjectUpdates, Other, true)]
    [InlineData(Who.Councillor, DirectorateOperation.ProjectUpdates, Own, false)]
    public void DecidesEachOperationForEachRoleAndDirectorate(Who who, DirectorateOperation operation, string directorate, bool allowed)
    {
        var user = who switch
        {
            Who.Admin => new WorkflowUser("a", "admin@demo.council", IsOfficer: true, IsDirector: false) { IsAdmin = true },
            Who.Officer => new WorkflowUser("o", "officer@demo.council", IsOfficer: true, IsDirector: false),
            Who.Director => new WorkflowUser("d", "director@demo.council", IsOfficer: false, IsDirector: true) { Directorates = [Own] },
            _ => new WorkflowUser("c", "councillor@demo.council", IsOfficer: false, IsDirector: false),
        };

        DirectorateAccess.Allows(user, operation, directorate).ShouldBe(allowed);
    }

    [Fact]
    public void ADirectorateNameMustMatchExactly()
    {
        var director = new WorkflowUser("d", "director@demo.council", IsOfficer: false, IsDirector: true) { Directorates = [Own] };

        DirectorateAccess.Allows(director, DirectorateOperation.ApproveFigures, Own.ToUpperInvariant()).ShouldBeFalse();
        DirectorateAccess.Allows(director, DirectorateOperation.ApproveFigures, null).ShouldBeFalse();
    }
}
