using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.LargeCouncil;

/// <summary>A KPI shape: title, unit as people type it, polarity, a base target, the band's half-width for WithinRange, decimals.</summary>
internal sealed record KpiTemplate(string Title, string Unit, Polarity Polarity, decimal Target, decimal HalfBand, int Decimals, Aggregation MonthlyAggregation);

/// <summary>The fixed names the large council is built from (directorates, rings, segments, KPI shapes).</summary>
internal static class Catalogue
{
    public static readonly string[] Directorates =
    [
        "Adult Social Care", "Children's Services", "Education and Skills", "Public Health",
        "Housing", "Environment and Waste", "Highways and Transport", "Planning and Regeneration",
        "Culture, Leisure and Libraries", "Community Safety", "Finance and Resources", "Customer and Digital Services",
    ];

    public static readonly (string Code, string Name)[] Committees =
    [
        ("P", "Policy and Resources Committee"),
        ("A&H", "Adults and Health Scrutiny Committee"),
        ("C&F", "Children and Families Scrutiny Committee"),
        ("E&E", "Environment and Economy Scrutiny Committee"),
    ];

    /// <summary>Five rings of twelve segments: (ring name, segment code prefix, committee, segment titles).</summary>
    public static readonly (string Name, string Prefix, string Committee, string[] Segments)[] Groups =
    [
        ("Thriving People", "TP", "A&H",
        [
            "Older people live independently for longer", "Carers are supported in their caring role", "People recover well after a stay in hospital",
            "Adults with disabilities lead fulfilling lives", "Mental health and wellbeing are improved", "Fewer people are lonely or isolated",
            "People are safeguarded from abuse and neglect", "Healthy life expectancy gap narrows", "Fewer adults smoke or misuse alcohol",
            "More residents are physically active", "Good quality care is available locally", "People get advice and support early",
        ]),
        ("Children and Young People", "CY", "C&F",
        [
            "Children have the best start in life", "Children are safe from harm", "Looked after children achieve their potential",
            "Young people are in education, employment or training", "Schools are good or outstanding", "Attainment gaps narrow at every key stage",
            "Children with SEND are supported well", "Care leavers live in suitable homes", "Fewer children are excluded from school",
            "Young people's emotional health improves", "Families get help before problems escalate", "Childhood obesity is reduced",
        ]),
        ("A Strong Local Economy", "EC", "E&E",
        [
            "More residents are in good quality work", "Businesses start up and grow", "Town centres are vibrant",
            "Residents gain skills for work", "More affordable homes are built", "Roads and pavements are in good repair",
            "Journeys are reliable and safe", "Digital connectivity reaches every home", "Visitors spend more in the county",
            "Planning decisions are timely", "Regeneration schemes are delivered on time", "Apprenticeships increase",
        ]),
        ("A Clean and Green Place", "CG", "E&E",
        [
            "Household waste is reduced and recycled", "The council reaches net zero", "Air quality improves",
            "Flood risk is managed", "Streets are clean", "Parks and open spaces are well used",
            "Fly-tipping is tackled", "Biodiversity is protected", "More journeys are made by walking and cycling",
            "Homes are more energy efficient", "Trees are planted and maintained", "Environmental crime is enforced",
        ]),
        ("An Efficient Council", "EF", "P",
        [
            "The budget is balanced", "Council tax is collected", "Suppliers are paid promptly",
            "Customers are served first time", "Complaints are resolved quickly", "Staff are healthy and engaged",
            "Freedom of information requests are answered on time", "Services move online", "Assets are used well",
            "Savings programmes are delivered", "Data is secure and well managed", "Procurement supports local businesses",
        ]),
    ];

    /// <summary>Three-letter codes for the directorates, used in measure codes.</summary>
    public static readonly string[] DirectorateCodes = ["ASC", "CHS", "EDU", "PHE", "HOU", "ENV", "HWY", "PLR", "CUL", "CSF", "FIN", "CDS"];

    public static readonly string[] Localities =
    [
        "countywide", "North locality", "South locality", "East locality", "West locality", "Central area",
        "urban wards", "rural wards", "coastal towns", "market towns",
    ];

    /// <summary>KPI shapes; monthly measures of a count or money are summed or reported year to date.</summary>
    public static readonly KpiTemplate[] Kpis =
    [
        new("Adults receiving self-directed support", "%", Polarity.HigherIsBetter, 88m, 0m, 1, Aggregation.Snapshot),
        new("Older people still at home 91 days after reablement", "%", Polarity.HigherIsBetter, 82m, 0m, 1, Aggregation.Average),
        new("Delayed transfers of care from hospital per 100,000", "per 100,000", Polarity.LowerIsBetter, 9.5m, 0m, 1, Aggregation.Average),
        new("Permanent admissions to residential care, aged 65+", "count", Polarity.LowerIsBetter, 60m, 0m, 0, Aggregation.Sum),
        new("Safeguarding enquiries concluded within 28 days", "%", Polarity.HigherIsBetter, 75m, 0m, 1, Aggregation.Snapshot),
        new("Social work assessments completed within 45 working days", "%", Polarity.HigherIsBetter, 85m, 0m, 1, Aggregation.Average),
        new("Children looked after per 10,000 population under 18", "per 10,000", Polarity.WithinRange, 60m, 5m, 1, Aggregation.Snapshot),
        new("Average caseload of qualified social workers", "number", Polarity.WithinRange, 17.5m, 2.5m, 1, Aggregation.Average),
        new("Education, Health and Care plans issued within 20 weeks", "%", Polarity.HigherIsBetter, 60m, 0m, 1, Aggregation.Snapshot),
        new("Young people aged 16-17 not in education, employment or training", "%", Polarity.LowerIsBetter, 3.1m, 0m, 1, Aggregation.Snapshot),
        new("Pupils attending schools rated good or outstanding", "%", Polarity.HigherIsBetter, 87m, 0m, 1, Aggregation.Snapshot),
        new("Persistent absence in secondary schools", "%", Polarity.LowerIsBetter, 14m, 0m, 1, Aggregation.Average),
        new("Smoking quitters at four weeks", "count", Polarity.HigherIsBetter, 450m, 0m, 0, Aggregation.YearToDate),
        new("NHS Health Checks delivered", "count", Polarity.HigherIsBetter, 2400m, 0m, 0, Aggregation.YearToDate),
        new("Households in temporary accommodation", "count", Polarity.LowerIsBetter, 180m, 0m, 0, Aggregation.Snapshot),
        new("Average days to re-let council homes", "days", Polarity.LowerIsBetter, 28m, 0m, 0, Aggregation.Average),
        new("Homelessness prevented for at least six months", "%", Polarity.HigherIsBetter, 62m, 0m, 1, Aggregation.Average),
        new("Household waste sent for reuse, recycling or composting", "%", Polarity.HigherIsBetter, 52m, 0m, 1, Aggregation.Average),
        new("Residual household waste per household", "number", Polarity.LowerIsBetter, 130m, 0m, 1, Aggregation.Sum),
        new("Fly-tipping incidents removed within two working days", "%", Polarity.HigherIsBetter, 92m, 0m, 1, Aggregation.Snapshot),
        new("Category 1 potholes repaired within 24 hours", "%", Polarity.HigherIsBetter, 95m, 0m, 1, Aggregation.Average),
        new("Principal roads where maintenance should be considered", "%", Polarity.LowerIsBetter, 4m, 0m, 1, Aggregation.Snapshot),
        new("People killed or seriously injured on the roads", "count", Polarity.LowerIsBetter, 75m, 0m, 0, Aggregation.Sum),
        new("Major planning applications decided within 13 weeks", "%", Polarity.HigherIsBetter, 80m, 0m, 1, Aggregation.Snapshot),
        new("Affordable homes completed", "count", Polarity.HigherIsBetter, 160m, 0m, 0, Aggregation.YearToDate),
        new("Library visits", "count", Polarity.HigherIsBetter, 210000m, 0m, 0, Aggregation.Sum),
        new("Leisure centre attendances", "count", Polarity.HigherIsBetter, 330000m, 0m, 0, Aggregation.YearToDate),
        new("Anti-social behaviour incidents per 1,000 population", "per 1,000", Polarity.LowerIsBetter, 7.5m, 0m, 1, Aggregation.Sum),
        new("Council tax collected in year", "%", Polarity.HigherIsBetter, 97m, 0m, 1, Aggregation.Snapshot),
        new("Business rates collected in year", "%", Polarity.HigherIsBetter, 98m, 0m, 1, Aggregation.Snapshot),
        new("Undisputed invoices paid within 30 days", "%", Polarity.HigherIsBetter, 95m, 0m, 1, Aggregation.Average),
        new("Savings delivered against the medium term plan", "£m", Polarity.HigherIsBetter, 12m, 0m, 2, Aggregation.YearToDate),
        new("Forecast revenue variance", "£m", Polarity.WithinRange, 0.5m, 1.5m, 2, Aggregation.Snapshot),
        new("Average working days lost to sickness per employee", "days", Polarity.LowerIsBetter, 8.5m, 0m, 1, Aggregation.Snapshot),
        new("Complaints responded to within 20 working days", "%", Polarity.HigherIsBetter, 90m, 0m, 1, Aggregation.Average),
        new("Freedom of information requests answered within 20 days", "%", Polarity.HigherIsBetter, 90m, 0m, 1, Aggregation.Average),
        new("Calls to the contact centre answered within 60 seconds", "%", Polarity.HigherIsBetter, 80m, 0m, 1, Aggregation.Average),
        new("Transactions completed online", "%", Polarity.HigherIsBetter, 70m, 0m, 1, Aggregation.Snapshot),
        new("Spend with local suppliers", "£", Polarity.HigherIsBetter, 4500000m, 0m, 0, Aggregation.Sum),
        new("Council carbon emissions, tonnes CO2e", "number", Polarity.LowerIsBetter, 9000m, 0m, 0, Aggregation.YearToDate),
    ];
}
