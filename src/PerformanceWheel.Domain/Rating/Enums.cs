namespace PerformanceWheel.Domain.Rating;

/// <summary>Which way is better for a measure.</summary>
public enum Polarity
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
    WithinRange = 3,
}

/// <summary>A performance rating. Blue means discontinued (or, under a council option, exceeding target).</summary>
public enum RagStatus
{
    Green = 1,
    Amber = 2,
    Red = 3,
    Blue = 4,
}

/// <summary>Why a measure has no rating in a period.</summary>
public enum NotRatedReason
{
    NoValue = 1,
    NoTarget = 2,
    Incomplete = 3,
    Discontinued = 4,
}

/// <summary>Direction of travel.</summary>
public enum Direction
{
    Improving = 1,
    Steady = 2,
    Declining = 3,
}

/// <summary>How the tolerance is expressed.</summary>
public enum ToleranceType
{
    Percent = 1,
    Absolute = 2,
}

/// <summary>How a council turns its segments' children into a suggested segment rating.</summary>
public enum SegmentRatingMethod
{
    /// <summary>The status held by most rated children, a tie going to the worse.</summary>
    Majority = 1,

    /// <summary>The worst status of any rated child.</summary>
    WorstOf = 2,
}
