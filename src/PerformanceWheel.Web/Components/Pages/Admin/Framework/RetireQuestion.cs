using PerformanceWheel.Domain.Framework;

namespace PerformanceWheel.Web.Components.Pages.Admin.Framework;

/// <summary>What the confirming dialog asks before something is retired, saying what will happen (the list and the form ask alike).</summary>
internal sealed record RetireQuestion(string Title, string Text, string Confirm)
{
    public static RetireQuestion For(Plan plan) => new(
        $"Retire {plan.Name}?",
        $"{plan.Name} ({plan.FirstYear.Label} to {plan.LastYear.Label}) will be kept with its rings, segments and figures for history, but it takes no new rings. A new plan can then cover its years.",
        "Retire the plan");

    public static RetireQuestion For(Segment segment) => new(
        $"Retire the segment {segment.Code}?",
        $"{segment.Code} {segment.Title} will be left off the wheel from now on. It is kept with its measures and past figures for history, and you can reinstate it later.",
        "Retire the segment");

    public static RetireQuestion For(Directorate directorate) => new(
        $"Retire {directorate.Name}?",
        $"{directorate.Name} will be kept with its measures and past figures, but it will no longer be offered for new measures or shown among the current directorates. You can reinstate it later.",
        "Retire the directorate");

    public static RetireQuestion For(Committee committee) => new(
        $"Retire the committee {committee.Code}?",
        $"{committee.Code} – {committee.Name} will be retired: it is kept only for history. This cannot be undone: to use it again you would create a new committee.",
        "Retire the committee");
}
