using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace PerformanceWheel.Web.Api;

/// <summary>
/// The largest request body each API endpoint accepts: the endpoint's own limit (the workbook import: Import:MaxFileBytes
/// and 1 MB for the form around it) or Api:MaxBodyBytes (1 MB). A body over it answers 413 as problem details, never the
/// HTML error page: at once when Content-Length says so, or when the server stops reading a body sent without a length.
/// </summary>
internal static class ApiBodyLimit
{
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app, IConfiguration configuration)
    {
        var fallback = configuration.GetValue("Api:MaxBodyBytes", DefaultMaxBodyBytes);
        return app.UseWhen(c => c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), api => api.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? fallback;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                await TooLarge(limit).ExecuteAsync(context);
                return;
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                context.Response.Clear();
                await TooLarge(limit).ExecuteAsync(context);
            }
        }));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge(long limit) =>
        ApiProblems.Status(StatusCodes.Status413PayloadTooLarge, "The request body is too large",
            string.Create(CultureInfo.InvariantCulture, $"This endpoint accepts a body of at most {limit:N0} bytes; nothing was read or changed."));

    /// <summary>An endpoint's own body limit, in bytes.</summary>
    public sealed class Size(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}
