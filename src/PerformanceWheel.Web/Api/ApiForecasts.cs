using PerformanceWheel.Domain.Forecasting;
using PerformanceWheel.Domain.Rating;
using static PerformanceWheel.Web.Api.ApiNumbers;

namespace PerformanceWheel.Web.Api;

/// <summary>
/// A measure's year-end forecast (<c>yearEndForecast</c> on a measure and on each scorecard measure): a projection, never a
/// reported figure. <see cref="IsForecast"/> is always true so a client that flattens the object still knows;
/// <see cref="ForecastValue"/> and <see cref="ForecastRag"/> are null, and <see cref="NoForecastReason"/> says why, when
/// none was made (annual measure, no target, fewer than 3 figures, the year ended, discontinued).
/// </summary>
public sealed record ApiYearEndForecast(
    bool IsForecast,
    string Year,
    string? AsOf,
    ForecastMethod? Method,
    string? MethodText,
    int Figures,
    decimal? ForecastValue,
    decimal? ForecastTarget,
    decimal? ForecastTargetLow,
    decimal? ForecastTargetHigh,
    RagStatus? ForecastRag,
    NotRatedReason? ForecastNotRatedReason,
    NoForecastReason? NoForecastReason,
    string? NoForecastText)
{
    public static ApiYearEndForecast From(YearEndForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return forecast.IsMade
            ? new(true, forecast.Year.Label, forecast.AsOf?.Label, forecast.Method, forecast.MethodText, forecast.Points, Tidy(forecast.Value),
                Tidy(forecast.Target?.Value), Tidy(forecast.Target?.Low), Tidy(forecast.Target?.High), forecast.Rating.Status, forecast.Rating.Reason, null, null)
            : new(true, forecast.Year.Label, null, null, null, 0, null, null, null, null, null, null, forecast.Reason, forecast.NoForecastText);
    }

    public static ApiYearEndForecast? From(IReadOnlyDictionary<string, YearEndForecast> forecasts, string code) =>
        forecasts.TryGetValue(code, out var forecast) ? From(forecast) : null;
}
