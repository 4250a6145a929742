using PerformanceWheel.Domain.Covering;
using PerformanceWheel.Domain.Periods;

namespace PerformanceWheel.Data.Demo;

/// <summary>
/// The demo council's covering-report template and its Cabinet covering report for 2019/20 Q2, built from the front
/// matter of seeds 001 (Somerset Council's decision report, Q1 2023/24) and 002 (the Cabinet report, Q2 2019/20) with the
/// demo's own names. Every role of the sign-off list has signed except Asset Management, so the pack shows
/// "Not yet signed off".
/// </summary>
public static class DemoCoveringReport
{
    /// <summary>The role the demo leaves without a sign-off.</summary>
    public const string UnsignedRole = "Asset Management";

    private static readonly DateTimeOffset WrittenAt = new(2019, 10, 21, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SignedAt = new(2019, 10, 23, 16, 0, 0, TimeSpan.Zero);

    public static CoveringTemplate Template()
    {
        var template = CoveringTemplate.Default();
        template.ChangePeople("Cabinet", "Cllr Alex Morgan – Cabinet Member for Resources and Performance",
            "Sam Taylor – Director of Strategy and Performance", "Jo Davies – Strategic Manager, Performance",
            "performance@demo.council");
        template.SetText(CoveringSection.Background,
            "It is essential that the Council has a clear understanding of how key services are performing in order to understand its impact, enable it to prioritise investment, identify and address areas of concern, and celebrate success.");
        template.SetText(CoveringSection.FinancialImplications,
            "There are no direct financial implications to the proposals set out in this report. Detailed budget monitoring reports are included within the meeting agenda pack.\n" +
            "Failure to have effective arrangements in place to manage the performance of key services would create a risk that service performance could deteriorate, and effective corrective action not be taken in a timely manner.");
        template.SetText(CoveringSection.EqualitiesImplications,
            "Where appropriate, measures will be reported including information against protected characteristics. Where services identify disproportionality in service delivery, uptake or impact, additional information regarding these impacts will be provided.");
        template.SetText(CoveringSection.BackgroundPapers, "Performance Management Framework [available on request]");
        return template;
    }

    public static CoveringReport CabinetReport(CoveringTemplate template, string by)
    {
        var quarter = ReportingPeriod.Parse(DemoCouncilLoader.LatestQuarter);
        var report = new CoveringReport(CoveringSections.CabinetPack, quarter, template.CabinetMeeting, template, by, WrittenAt);
        var texts = new Dictionary<CoveringSection, string?>
        {
            [CoveringSection.Background] = template.Text(CoveringSection.Background) + "\n" +
                "This report reflects the Council's ongoing progress towards the priorities laid out in the Business Plan. The measures used to support this report come from across the Council and are a subset of the measures monitored monthly by the Senior Leadership Team.\n" +
                "Further detail is given in relation to a set of business performance indicators covering finances, customer focus, and our workforce.",
            [CoveringSection.Summary] =
                "The report sets out the key activities and measures used to check our performance for the year against the four outcomes of the Business Plan and the Council's challenges.\n" +
                "Where a measure has no target yet, it is reported without a rating until its target is agreed.",
            [CoveringSection.Recommendations] =
                "The Cabinet is asked to endorse the Q2 2019/20 performance report (appendix A) as set out in this report.\n" +
                "The Cabinet is also asked to consider:\n" +
                "a) whether the proposed actions are adequate and appropriate to address concerns and improve performance to the desired level.\n" +
                "b) the content, level of detail provided and the format of the report, and make any recommendations for improvements.",
            [CoveringSection.OtherOptions] =
                "Reporting each directorate's measures separately was considered. However, this would not show the performance of the Council against its outcomes as a whole.",
            [CoveringSection.ScrutinyComments] =
                "The Scrutiny for Policies committees will consider the measures tagged for them at their November meetings.",
            [CoveringSection.BackgroundPapers] = template.Text(CoveringSection.BackgroundPapers) + "\nBusiness Plan 2019-22",
        };
        report.Change(new CoveringDetails("Cabinet", new DateOnly(2019, 11, 18), "FP/19/10/05", true,
            template.ExecutiveMembers, template.LeadOfficer, template.Author, template.Contact), texts, by, WrittenAt);

        var today = DateOnly.FromDateTime(SignedAt.UtcDateTime);
        var signedOn = new DateOnly(2019, 10, 23);
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Legal & Governance Implications"] = "Robin Hale",
            ["Communications"] = "Chris Palmer",
            ["Finance & Procurement"] = "Pat Vaughan",
            ["Workforce"] = "Sam Taylor",
            ["Executive Director / Senior Manager"] = "Sam Taylor",
            ["Strategy & Performance"] = "Jo Davies",
            ["Executive Lead Member"] = "Cllr Alex Morgan",
            ["Opposition Spokesperson (circulated)"] = "Cllr Jordan Blake",
            ["Scrutiny Chairs (circulated)"] = "Cllr Ann Hill, Cllr Bal Patel, Cllr Cerys Evans",
        };
        foreach (var role in template.SignOffRoles.Where(r => r.Title != UnsignedRole))
        {
            report.SignOff(role.Title, names[role.Title], signedOn, today, by, SignedAt);
        }

        return report;
    }
}
