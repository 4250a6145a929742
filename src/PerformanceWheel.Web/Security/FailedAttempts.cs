using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PerformanceWheel.Web.Security;

/// <summary>How many failed sign-ins or API key checks one client address may make in a window (Security:FailedAttempts).</summary>
public sealed class FailedAttemptOptions
{
    public const string Section = "Security:FailedAttempts";

    /// <summary>Failures allowed per client address and window (default 30); the next attempt answers 429.</summary>
    public int PermitLimit { get; set; } = 30;

    /// <summary>The window in seconds (default 300): the count starts again after it.</summary>
    public int WindowSeconds { get; set; } = 300;
}

/// <summary>
/// Slows key and password guessing with ASP.NET Core's rate limiter (System.Threading.RateLimiting): a fixed window per
/// client address and channel counts failed attempts only. Once a window's failures are used up, that address's
/// further attempts on that channel are refused (429 with Retry-After) without being checked, until the window ends.
/// Successful attempts never use up a permit, so a client with a valid key is never limited by its own traffic.
/// </summary>
public sealed class FailedAttempts : IDisposable
{
    public const string ApiKey = "api-key";
    public const string SignIn = "sign-in";

    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public FailedAttempts(IOptions<FailedAttemptOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limit = Math.Max(1, options.Value.PermitLimit);
        _window = TimeSpan.FromSeconds(Math.Max(1, options.Value.WindowSeconds));
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = _window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>How long the address must wait before trying this channel again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(string channel, HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(Key(channel, context), 0);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _window;
    }

    /// <summary>Counts a failed attempt from the address on this channel.</summary>
    public void Failed(string channel, HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(Key(channel, context));
    }

    /// <summary>Sets Retry-After (whole seconds, at least 1).</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _limiter.Dispose();

    private static string Key(string channel, HttpContext context) => $"{channel}|{context.Connection.RemoteIpAddress?.ToString() ?? "unknown"}";
}
