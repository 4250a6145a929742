using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PerformanceWheel.Domain.Common;

namespace PerformanceWheel.Web.Api;

/// <summary>The API's authentication scheme and the claims it adds.</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";

    /// <summary>A directorate a Director key answers for (one claim per directorate, by name).</summary>
    public const string DirectorateClaim = PerformanceWheel.Application.Workflow.DirectorateAccess.ClaimType;

    /// <summary>The id of the key behind the request.</summary>
    public const string KeyIdClaim = "performancewheel:api-key";
}

/// <summary>
/// Authenticates "Authorization: Bearer &lt;key&gt;" against the stored key hashes. The principal carries the key's role
/// (and a Director key's directorates) as role claims, like a signed-in user, so the same policies and figure rules
/// apply. No header → no result; a wrong or revoked key → failure. Challenges and refusals answer with RFC 7807
/// problem details, never a redirect to the sign-in page.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    PerformanceWheel.Web.Security.FailedAttempts failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Bearer = "Bearer ";
    private const string RetryAfterItem = "PerformanceWheel.ApiKeyRetryAfter";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        // An address that has used up its failed attempts is refused without the key being checked (429, Retry-After).
        if (failures.RetryAfter(Security.FailedAttempts.ApiKey, Context) is { } wait)
        {
            Context.Items[RetryAfterItem] = wait;
            return AuthenticateResult.Fail("Too many requests with a wrong API key came from this address.");
        }

        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            failures.Failed(Security.FailedAttempts.ApiKey, Context);
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <key>'.");
        }

        var key = await keys.FindActiveAsync(header[Bearer.Length..].Trim(), Context.RequestAborted);
        if (key is null)
        {
            failures.Failed(Security.FailedAttempts.ApiKey, Context);
            return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"api-key:{key.Id}"),
            new(ClaimTypes.Name, key.UserName),
            new(ClaimTypes.Role, key.Role),
            new(ApiKeyDefaults.KeyIdClaim, key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(key.Directorates.Select(d => new Claim(ApiKeyDefaults.DirectorateClaim, d)));
        var identity = new ClaimsIdentity(claims, ApiKeyDefaults.Scheme, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (Context.Items[RetryAfterItem] is TimeSpan wait)
        {
            Security.FailedAttempts.SetRetryAfter(Response, wait);
            await TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many failed attempts",
                    detail: $"Too many requests with a wrong API key came from this address. Try again in {Counted.Of(Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)), "second")}.")
                .ExecuteAsync(Context);
            return;
        }

        Response.Headers.WWWAuthenticate = "Bearer";
        await TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "An API key is needed",
                detail: result.Failure?.Message ?? "Send an API key in the header 'Authorization: Bearer <key>'. An Admin creates keys at /admin/api-keys.")
            .ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var role = Context.User.FindFirst(ClaimTypes.Role)?.Value ?? "unknown";
        await TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "This API key may not do this",
                detail: $"A key with the role {role} may not use {Request.Method} {Request.Path}.")
            .ExecuteAsync(Context);
    }
}
