namespace PerformanceWheel.Reporting.Packs.Components;

/// <summary>The covering report's print styles, inlined by <see cref="CoveringReportSection"/> after the pack's own stylesheet.</summary>
internal static class CoveringStyles
{
    public const string Css = """
        .covering { break-after: page; }
        .covering .decision { font-size: 10pt; margin: 0 0 1.5mm; }
        .covering .decision-kind { font-size: 12pt; font-weight: bold; color: #1f3b5c; margin-bottom: 4mm; }
        .covering h1 { font-size: 18pt; margin: 4mm 0 4mm; }
        .covering .people { margin: 0 0 5mm; }
        .covering .people p { margin: 0 0 1.2mm; }
        .covering h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 0.75pt solid #1f3b5c; padding-bottom: 1mm; break-after: avoid; }
        .covering h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
        .covering ol.paras { margin: 0 0 2mm; padding-left: 8mm; }
        .covering ol.paras > li { margin: 0 0 2mm; }
        .covering ol.paras ul { margin: 1mm 0 0; padding-left: 5mm; }
        .covering ol.paras li.lettered { list-style: none; }
        .covering .headline-intro { font-weight: bold; }
        .covering .signoff { break-inside: auto; }
        .covering .signoff td.missing { font-style: italic; color: #6b0016; }
        .covering .signoff .changed { display: block; font-size: 7.5pt; color: #6b0016; margin-top: 0.8mm; }
        .covering .signoff tr.consulted-head th { background: #f3f3f3; font-weight: bold; }
        .covering .signoff th:first-child { width: 42%; }
        """;
}
