namespace FaceEval.Core.Analysis;

/// <summary>
/// One face on the distance cliff. Distances are cosine distances.
/// </summary>
/// <param name="Face">Face (row) index.</param>
/// <param name="Person">Ground-truth person index.</param>
/// <param name="OwnDistance">To the centroid of the person's other faces (leave-one-out).</param>
/// <param name="NearestOtherDistance">To the nearest centroid of another person; null when there is no other person.</param>
/// <param name="NearestOtherPerson">That other person's index.</param>
/// <param name="Wrong">The nearest centroid is another person's: a centroid assigner would misplace this face.</param>
public sealed record CliffPoint(int Face, int Person, double OwnDistance, double? NearestOtherDistance, int? NearestOtherPerson, bool Wrong);
