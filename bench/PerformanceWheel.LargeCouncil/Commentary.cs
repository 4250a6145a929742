namespace PerformanceWheel.LargeCouncil;

/// <summary>
/// Council-style commentary from phrase banks: one or two sentences, about 150 to 400 characters, naming roles and
/// teams, never people. The same random sequence gives the same text on every machine.
/// </summary>
internal static class Commentary
{
    private static readonly string[] OnTarget =
    [
        "Performance of {v} is on or better than the target of {t}",
        "The outturn of {v} meets the target of {t} for the period",
        "At {v} the indicator remains ahead of the {t} target",
        "Performance has held at {v} against a target of {t}",
    ];

    private static readonly string[] OffTarget =
    [
        "Performance of {v} is below the target of {t}",
        "The outturn of {v} has not reached the target of {t} this period",
        "At {v} the indicator is behind the {t} target",
        "Performance has slipped to {v} against a target of {t}",
    ];

    private static readonly string[] Causes =
    [
        "reflecting the seasonal increase in demand over the winter months",
        "following the recruitment of additional staff to the service in the previous quarter",
        "as a result of vacancies in the team that are now being filled through a rolling recruitment campaign",
        "owing to the continued high volume of referrals received through the front door",
        "following changes to the case management system that affected recording for part of the period",
        "reflecting the impact of the new partnership arrangements with health colleagues",
        "as the backlog from the previous year has now been cleared",
        "owing to a small number of complex cases that required extended involvement",
        "as a result of industrial action affecting contractors during the period",
        "reflecting improved data quality following the audit recommendations",
    ];

    private static readonly string[] Actions =
    [
        "The service manager is reviewing caseloads weekly and an improvement plan has been agreed with the directorate leadership team.",
        "An action plan is in place and progress will be reported to the relevant scrutiny committee at its next meeting.",
        "Officers are working with partners to sustain this level of performance through the remainder of the financial year.",
        "Further analysis is being undertaken to understand variation between localities and to target resources accordingly.",
        "The team continues to monitor performance closely and early indications for the next period are positive.",
        "A deep dive into the underlying causes has been commissioned and its findings will inform next year's target.",
        "Additional capacity has been secured on a temporary basis while the longer term staffing model is agreed.",
        "The figure is provisional and will be validated once the statutory return has been submitted.",
    ];

    private static readonly string[] Outlooks =
    [
        "Performance is expected to remain stable next quarter.",
        "The trend over the last twelve months is broadly positive.",
        "Benchmarking shows the council in line with its statistical neighbours.",
        "Demand is forecast to rise, so the target will be kept under review.",
    ];

    public static string Write(Random random, string value, string target, bool onTarget)
    {
        var opening = (onTarget ? OnTarget : OffTarget)[random.Next(OnTarget.Length)].Replace("{v}", value, StringComparison.Ordinal).Replace("{t}", target, StringComparison.Ordinal);
        var cause = Causes[random.Next(Causes.Length)];
        var text = $"{opening}, {cause}. {Actions[random.Next(Actions.Length)]}";
        if (text.Length < 260 && random.Next(3) == 0)
        {
            text += " " + Outlooks[random.Next(Outlooks.Length)];
        }

        return text;
    }

    public static string Status(Random random) => random.Next(2) == 0
        ? "The figure for this period is to be confirmed: the data return from the provider was received late and is being validated before publication."
        : "Data for this period is not available owing to a change of reporting system; the service expects to resume reporting from the next period.";
}
