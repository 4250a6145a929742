namespace PerformanceWheel.Web.Infrastructure;

/// <summary>
/// The headers every response carries (pages, API, files, PDFs, errors): a Content-Security-Policy the pages run under
/// (scripts, styles, images and forms from this site only; no framing), nosniff, a Referrer-Policy and a
/// Permissions-Policy. They are set as the response starts, so error pages and re-executed status pages get them too.
/// HSTS is added in Production by UseHsts (docs/security.md).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Pages use only their own stylesheets and scripts: no inline script, no inline style element, nothing from elsewhere.
    /// MudBlazor's components (and Blazor, patching an interactive page) set style attributes, so those alone are allowed
    /// (style-src-attr; docs/decisions/0014).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// The API reference page only (<see cref="Api.ApiSetup.ReferencePath"/>, docs/decisions/0011): its own scripts carry
    /// a per-request nonce, and its script framework sets styles inline at run time. Everything else as above: nothing
    /// from another site.
    /// </summary>
    public static string ApiReferencePolicy(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(string.IsNullOrEmpty(nonce) ? string.Empty : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public const string ReferrerPolicy = "same-origin";

    public const string PermissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(Api.ApiSetup.ReferencePath, StringComparison.OrdinalIgnoreCase)
                    ? ApiReferencePolicy(context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] as string)
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(context);
        });
}
