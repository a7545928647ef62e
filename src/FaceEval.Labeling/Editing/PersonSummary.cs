namespace FaceEval.Labeling.Editing;

/// <summary>
/// One person in the people list. <see cref="Cohesion"/> is the mean cosine distance of its faces to
/// their centroid (0 = all identical; lower is tighter). <see cref="Suspicious"/> counts the distinct
/// faces of its five queues (each face once, no queue limit): what is left to review for this person.
/// </summary>
public sealed record PersonSummary(int Id, string Label, bool Named, int Faces, double Cohesion, int Suspicious);
