namespace FaceEval.Labeling.Editing;

/// <summary>The queues of suspicious faces shown for one person.</summary>
public enum QueueKind
{
    /// <summary>The nearest other person's centroid is closer than the face's own person's.</summary>
    CloserToAnother,

    /// <summary>The best other person is at most <see cref="LabelOptions.SiblingMargin"/> farther than the own one.</summary>
    SiblingAmbiguous,

    /// <summary>Some other person is within <see cref="LabelOptions.Gate"/>.</summary>
    InGateAlternative,

    /// <summary>At least <see cref="LabelOptions.OutlierDistance"/> from the own centroid, worst first.</summary>
    WorstOutliers,

    /// <summary>Unlabelled faces whose best candidate is this person, nearest first.</summary>
    Unassigned,
}
