using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Data.Configurations;

/// <summary>Stores a period as its code, which sorts chronologically within a kind.</summary>
public sealed class ReportingPeriodConverter() : ValueConverter<ReportingPeriod, string>(p => p.Code, s => ReportingPeriod.Parse(s));

/// <summary>Stores a financial year as the calendar year it starts in.</summary>
public sealed class FinancialYearConverter() : ValueConverter<FinancialYear, int>(y => y.StartYear, i => new FinancialYear(i));

/// <summary>Stores a unit as its label ("%", "£m", "per 100,000").</summary>
public sealed class MeasureUnitConverter() : ValueConverter<MeasureUnit, string>(u => u.Label, s => MeasureUnit.Parse(s));

/// <summary>Stores a time as the same instant in UTC.</summary>
public sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
