namespace FaceEval.Labeling.Editing;

/// <summary>
/// One face as the labeller sees it. <see cref="Person"/> is the current person's label (the
/// snapshot's own labels, fresh ones for new people, or a new name after a rename), null when
/// unassigned; <see cref="Distance"/> is to the own centroid (null when unassigned);
/// <see cref="Candidates"/> are the nearest other people, nearest first.
/// </summary>
public sealed record FaceView(
    string Id,
    string? Person,
    int? PersonId,
    double? Distance,
    IReadOnlyList<Candidate> Candidates,
    bool Reviewed);
