namespace FaceEval.Labeling.Editing;

/// <summary>A person a face could belong to and the face's cosine distance to that person's centroid.</summary>
public sealed record Candidate(int PersonId, string Person, double Distance);
