namespace FaceEval.Labeling.Editing;

/// <summary>
/// One person in the people list. <see cref="Cohesion"/> is the mean cosine distance of its faces to
/// their centroid (0 = all identical; lower is tighter).
/// </summary>
public sealed record PersonSummary(int Id, string Label, bool Named, int Faces, double Cohesion);
