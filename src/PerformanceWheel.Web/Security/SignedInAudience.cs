using PerformanceWheel.Application.Performance;

namespace PerformanceWheel.Web.Security;

/// <summary>Councillors and anonymous readers see published figures only; officers, directors and admins see drafts too.</summary>
internal sealed class SignedInAudience(IHttpContextAccessor accessor) : IFigureAudience
{
    public bool PublishedOnly => accessor.HttpContext?.User is not { } user || !Policies.SeesDrafts(user);
}
