using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Data.Demo;

/// <summary>A realistic council KPI used to fill segments and directorates that the seed reports leave thin.</summary>
internal sealed record MeasureTemplate(string Title, string Unit, Polarity Polarity, decimal Target, decimal? High, int Decimals, string Description);

/// <summary>KPI templates by directorate keyword (matched against the demo's directorate names).</summary>
internal static class GeneratedMeasureTemplates
{
    public static readonly IReadOnlyDictionary<string, MeasureTemplate[]> ByDirectorate = new Dictionary<string, MeasureTemplate[]>
    {
        ["Children"] =
        [
            new("Child protection plans lasting two years or more", "%", Polarity.LowerIsBetter, 4m, null, 1, "Percentage of child protection plans ending in the period that had lasted two years or more."),
            new("Education, Health and Care plans issued within 20 weeks", "%", Polarity.HigherIsBetter, 60m, null, 1, "Percentage of new EHC plans issued within the statutory 20 weeks, excluding exceptions."),
            new("Young people aged 16–17 not in education, employment or training", "%", Polarity.LowerIsBetter, 3.1m, null, 1, "Percentage of 16 and 17 year olds known to the council who are NEET."),
            new("Children looked after per 10,000 population under 18", "per 10,000", Polarity.WithinRange, 55m, 65m, 1, "Rate of children looked after at the end of the period; the band reflects statistical neighbours."),
            new("Social work assessments completed within 45 working days", "%", Polarity.HigherIsBetter, 85m, null, 1, "Percentage of children's social care assessments completed within the statutory timescale."),
            new("Re-referrals to children's social care within 12 months", "%", Polarity.LowerIsBetter, 22m, null, 1, "Percentage of referrals that were re-referrals within a year of a previous referral."),
            new("Average caseload of children's social workers", "number", Polarity.WithinRange, 15m, 20m, 1, "Average number of open cases per qualified social worker."),
        ],
        ["Adult"] =
        [
            new("Adults with learning disabilities in paid employment", "%", Polarity.HigherIsBetter, 6m, null, 1, "ASCOF 1E: proportion of adults with a learning disability known to services who are in paid employment."),
            new("Older people at home 91 days after discharge to reablement", "%", Polarity.HigherIsBetter, 82m, null, 1, "ASCOF 2B: proportion of people aged 65+ still at home 91 days after leaving hospital into reablement."),
            new("Overdue care and support reviews", "count", Polarity.LowerIsBetter, 400m, null, 0, "Number of people whose annual care and support review is overdue at the end of the period."),
            new("Safeguarding enquiries where the risk was reduced or removed", "%", Polarity.HigherIsBetter, 90m, null, 1, "Percentage of concluded Section 42 enquiries in which the identified risk was reduced or removed."),
            new("Carers receiving a direct payment", "count", Polarity.HigherIsBetter, 4000m, null, 0, "Number of carers receiving support through a direct payment at the end of the period."),
            new("Occupational therapy assessments waiting over 28 days", "count", Polarity.LowerIsBetter, 150m, null, 0, "Number of people waiting more than 28 days for an occupational therapy assessment."),
            new("Adult social care staff turnover", "%", Polarity.WithinRange, 8m, 12m, 1, "Annualised turnover of directly employed adult social care staff."),
        ],
        ["Public Health"] =
        [
            new("NHS Health Checks completed", "count", Polarity.HigherIsBetter, 9000m, null, 0, "Number of eligible people aged 40–74 who completed an NHS Health Check in the period."),
            new("Successful completions of drug treatment (opiate)", "%", Polarity.HigherIsBetter, 6.7m, null, 1, "Percentage of opiate users in treatment who completed successfully and did not re-present within six months."),
            new("Babies receiving a 6–8 week review", "%", Polarity.HigherIsBetter, 90m, null, 1, "Percentage of infants who received a 6–8 week review by the time they were eight weeks old."),
            new("Smoking quitters at four weeks", "count", Polarity.HigherIsBetter, 450m, null, 0, "Number of people setting a quit date who had stopped smoking at the four-week follow-up."),
            new("Children vaccinated with DTaP/IPV/Hib by age one", "%", Polarity.HigherIsBetter, 93.5m, null, 1, "Percentage of children immunised with three doses of the 5-in-1 vaccine by their first birthday."),
            new("Sexual health clinic appointments offered within 48 hours", "%", Polarity.HigherIsBetter, 98m, null, 1, "Percentage of patients offered an appointment within two working days."),
        ],
        ["Community"] =
        [
            new("Food hygiene inspections completed on time", "%", Polarity.HigherIsBetter, 90m, null, 1, "Percentage of programmed food hygiene inspections carried out by their due date."),
            new("Tenant satisfaction with landlord services", "%", Polarity.HigherIsBetter, 80m, null, 1, "Percentage of tenants satisfied with the overall service (Tenant Satisfaction Measures)."),
            new("Average days to re-let a council home", "days", Polarity.LowerIsBetter, 28m, null, 1, "Average calendar days from a tenancy ending to the next tenancy starting."),
            new("Complaints responded to within 20 working days", "%", Polarity.HigherIsBetter, 90m, null, 1, "Percentage of stage one complaints answered within the council's 20 working day standard."),
            new("Library visits", "count", Polarity.HigherIsBetter, 170000m, null, 0, "Physical visits to the council's libraries in the period."),
            new("Rent collected as a share of rent due", "%", Polarity.HigherIsBetter, 98m, null, 1, "Rent collected from council tenants as a percentage of the rent due, including arrears."),
            new("Fly-tipping incidents reported", "count", Polarity.LowerIsBetter, 1800m, null, 0, "Number of fly-tipping incidents reported to the council in the period."),
        ],
        ["Climate"] =
        [
            new("Household waste sent for reuse, recycling and composting", "%", Polarity.HigherIsBetter, 52m, null, 1, "Percentage of household waste collected that was reused, recycled or composted."),
            new("Highway defects repaired within 20 working days", "%", Polarity.HigherIsBetter, 95m, null, 1, "Percentage of actionable carriageway and footway defects repaired within 20 working days."),
            new("Major planning applications determined in time", "%", Polarity.HigherIsBetter, 60m, null, 1, "Percentage of major planning applications decided within 13 weeks or an agreed extension."),
            new("Street lighting faults: average days to repair", "days", Polarity.LowerIsBetter, 5m, null, 2, "Average working days to repair a street lighting fault."),
            new("Carbon emissions from council buildings", "number", Polarity.LowerIsBetter, 4200m, null, 0, "Tonnes of CO2 equivalent from the council's own buildings in the period."),
            new("Bus services running on time", "%", Polarity.HigherIsBetter, 85m, null, 1, "Percentage of supported local bus services departing within the punctuality window."),
            new("People killed or seriously injured on roads", "count", Polarity.LowerIsBetter, 85m, null, 0, "Casualties killed or seriously injured in road collisions in the period (provisional police data)."),
        ],
        ["Resources"] =
        [
            new("Council tax collected", "%", Polarity.HigherIsBetter, 97.5m, null, 1, "Council tax collected in year as a percentage of the net collectable debit (cumulative in the year)."),
            new("Invoices paid within 30 days", "%", Polarity.HigherIsBetter, 95m, null, 1, "Percentage of undisputed supplier invoices paid within 30 days."),
            new("Average days to process new housing benefit claims", "days", Polarity.LowerIsBetter, 20m, null, 1, "Average calendar days to process a new housing benefit claim."),
            new("Calls to the customer contact centre answered within 60 seconds", "%", Polarity.HigherIsBetter, 80m, null, 1, "Percentage of calls answered by an adviser within 60 seconds."),
            new("Capital receipts achieved", "£m", Polarity.HigherIsBetter, 2.5m, null, 2, "Capital receipts from the sale of surplus property in the period."),
            new("ICT service desk incidents resolved within target", "%", Polarity.HigherIsBetter, 92m, null, 1, "Percentage of ICT incidents resolved within the agreed service level."),
            new("Business rates collected", "%", Polarity.HigherIsBetter, 98m, null, 1, "Business rates collected in year as a percentage of the net collectable debit."),
        ],
        ["Strategy"] =
        [
            new("Staff sickness absence: days lost per FTE", "days", Polarity.LowerIsBetter, 2.1m, null, 2, "Working days lost to sickness per full-time equivalent employee in the period (excluding schools)."),
            new("Appraisals completed", "%", Polarity.HigherIsBetter, 90m, null, 1, "Percentage of staff with an appraisal recorded in the last twelve months."),
            new("Freedom of Information requests answered within 20 working days", "%", Polarity.HigherIsBetter, 90m, null, 1, "Percentage of FOI and EIR requests answered within the statutory 20 working days."),
            new("Staff turnover", "%", Polarity.WithinRange, 2m, 3.5m, 2, "Voluntary leavers in the period as a percentage of average headcount."),
            new("Agency staff spend", "£m", Polarity.LowerIsBetter, 1.8m, null, 2, "Spend on agency workers in the period."),
            new("Apprenticeship starts", "count", Polarity.HigherIsBetter, 40m, null, 0, "New apprenticeship starts across the council workforce in the period."),
            new("Subject access requests answered within one month", "%", Polarity.HigherIsBetter, 90m, null, 1, "Percentage of data protection subject access requests answered within the statutory month."),
        ],
    };

    /// <summary>The tolerance given to generated measures: 5% of the target.</summary>
    public static Tolerance Tolerance => Tolerance.Percent(5m);
}
