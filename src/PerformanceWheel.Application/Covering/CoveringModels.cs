using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PerformanceWheel.Domain.Covering;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Application.Covering;

/// <summary>A pack a covering report can front: the Cabinet's, or a Scrutiny committee's.</summary>
/// <param name="Key">"Cabinet" or "Scrutiny:{code}" (<see cref="CoveringSections"/>).</param>
/// <param name="Name">"Cabinet", or the committee's name.</param>
/// <param name="CommitteeCode">Null for the Cabinet pack.</param>
public sealed record CoveringPackChoice(string Key, string Name, string? CommitteeCode);

/// <summary>What the Admin's template form edits.</summary>
public sealed record CoveringTemplateInput(
    string? CabinetMeeting,
    string? ExecutiveMembers,
    string? LeadOfficer,
    string? Author,
    string? Contact,
    IReadOnlyDictionary<CoveringSection, string?> Texts,
    string? SignOffRoles);

/// <summary>What the officer's compose form edits; <paramref name="Version"/> is the report's when the form was opened.</summary>
public sealed record CoveringReportInput(CoveringDetails Details, IReadOnlyDictionary<CoveringSection, string?> Texts, int? Version);

/// <summary>One row of the sign-off table as printed and as the compose page shows it.</summary>
/// <param name="ChangedSince">The changes of content made after this sign-off (empty: as signed, or not signed).</param>
public sealed record CoveringSignOffLine(string Role, bool Consulted, string? Name, DateOnly? SignedOn, IReadOnlyList<CoveringChangeLine> ChangedSince)
{
    public bool IsSigned => Name is not null;

    /// <summary>"Changed since signed off: Recommendations (08/10/2019, officer@…); …" or null.</summary>
    public string? ChangedSinceText => ChangedSince.Count == 0
        ? null
        : "Changed since signed off: " + string.Join("; ", ChangedSince.Select(c => $"{c.What} ({c.At.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)} UTC, {c.By})")) + ".";
}

/// <summary>A change of content: its revision, what changed, who and when (UTC).</summary>
public sealed record CoveringChangeLine(int Revision, string What, string By, DateTimeOffset At);

/// <summary>A covering report as the pack prints it and the compose page shows it.</summary>
public sealed record CoveringView(
    int Id,
    string Pack,
    ReportingPeriod Quarter,
    CoveringDetails Details,
    IReadOnlyDictionary<CoveringSection, string> Texts,
    IReadOnlyList<CoveringSignOffLine> SignOffs,
    IReadOnlyList<CoveringChangeLine> Changes,
    int Revision,
    int Version,
    string ChangedBy,
    DateTimeOffset ChangedAt)
{
    public string? CommitteeCode => CoveringSections.CommitteeOf(Pack);

    public string? Text(CoveringSection section) => Texts.GetValueOrDefault(section);

    /// <summary>Rows with no sign-off yet.</summary>
    public int Unsigned => SignOffs.Count(s => !s.IsSigned);
}

/// <summary>
/// Where a pack's covering report stands for a quarter (the tracker and the publish readiness show it): whether it was
/// started, and its sign-off rows as signed (and unchanged since), not yet signed off, and changed since signed off.
/// </summary>
public sealed record CoveringPackStatus(CoveringPackChoice Pack, bool Started, int Signed, int NotSigned, int ChangedSinceSigned)
{
    /// <summary>The compose page of this pack's covering report for <paramref name="quarter"/>.</summary>
    public string Url(ReportingPeriod quarter) =>
        $"/covering-reports?pack={Uri.EscapeDataString(Pack.Key)}&period={Uri.EscapeDataString(quarter.Label)}";

    /// <summary>The status of a started report, from its sign-off rows as printed.</summary>
    public static CoveringPackStatus Of(CoveringPackChoice pack, CoveringView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(pack, true,
            report.SignOffs.Count(s => s.IsSigned && s.ChangedSince.Count == 0),
            report.Unsigned,
            report.SignOffs.Count(s => s.IsSigned && s.ChangedSince.Count > 0));
    }
}

/// <summary>Registers the covering report's commands and reader (scoped, as the other application services).</summary>
public static class CoveringServices
{
    public static IServiceCollection AddCoveringReports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<CoveringTemplateCommands>();
        services.TryAddScoped<CoveringReportCommands>();
        services.TryAddScoped<CoveringReportReader>();
        return services;
    }
}
