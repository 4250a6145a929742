using PerformanceWheel.Domain.Common;
using PerformanceWheel.Domain.Framework;
using PerformanceWheel.Domain.Periods;
using PerformanceWheel.Domain.Rating;

namespace PerformanceWheel.Domain.Outturns;

/// <summary>
/// A segment's rating for a period: the suggested RAG computed from its children, an optional judged RAG
/// (a rationale is required when it differs from the suggestion), and a direction of travel.
/// </summary>
public sealed class SegmentAssessment : Entity
{
    private SegmentAssessment() { }

    public SegmentAssessment(Segment segment, ReportingPeriod period)
    {
        Segment = segment;
        Period = period;
    }

    public int SegmentId { get; private set; }

    public Segment Segment { get; private set; } = null!;

    public ReportingPeriod Period { get; private set; }

    public RagStatus? SuggestedRag { get; private set; }

    public RagStatus? JudgedRag { get; private set; }

    public string? Rationale { get; private set; }

    public Direction? Direction { get; private set; }

    public string? UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>The rating shown: judged, else suggested.</summary>
    public RagStatus? Rag => JudgedRag ?? SuggestedRag;

    public bool IsOverridden => JudgedRag.HasValue && JudgedRag != SuggestedRag;

    public void Suggest(RagStatus? suggested) => SuggestedRag = suggested;

    public void Judge(RagStatus? judged, string? rationale, Direction? direction, string by, DateTimeOffset at)
    {
        var text = Guard.Optional(rationale, "Rationale", Lengths.Text);
        if (MissingRationale(judged, SuggestedRag, text) is { } missing)
        {
            throw new DomainException(missing);
        }

        JudgedRag = judged;
        Rationale = text;
        Direction = direction;
        UpdatedBy = Guard.Required(by, "User", Lengths.User);
        UpdatedAt = at;
        Version++;
    }

    /// <summary>Why a judgement needs a rationale it lacks (the judged rating differs from the suggestion), or null.</summary>
    public static string? MissingRationale(RagStatus? judged, RagStatus? suggested, string? rationale) =>
        judged.HasValue && judged != suggested && string.IsNullOrWhiteSpace(rationale)
            ? $"A rationale is required: the judged rating ({judged}) differs from the suggested rating ({suggested?.ToString() ?? "no rating"})."
            : null;
}
