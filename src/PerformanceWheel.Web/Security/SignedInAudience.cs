using System.Security.Claims;
using PerformanceWheel.Application.Performance;
using PerformanceWheel.Data.Identity;
using PerformanceWheel.Web.Api;

namespace PerformanceWheel.Web.Security;

/// <summary>
/// The figure scope of the signed-in user or API key: officers and Admins see every draft; a Director sees the drafts
/// of their own directorates (the directorate claims added by <see cref="DirectorateClaims"/> or carried by a Director
/// API key) and published figures of the rest; councillors and anonymous readers see published figures only.
/// </summary>
internal sealed class SignedInAudience(IHttpContextAccessor accessor) : IFigureAudience
{
    public FigureScope Scope => For(accessor.HttpContext?.User);

    public static FigureScope For(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return FigureScope.Published;
        }

        if (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.PerformanceOfficer))
        {
            return FigureScope.Everything;
        }

        return user.IsInRole(Roles.Director)
            ? FigureScope.DraftsOf(user.FindAll(ApiKeyDefaults.DirectorateClaim).Select(c => c.Value))
            : FigureScope.Published;
    }
}
