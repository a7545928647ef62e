namespace FaceEval.Core.Snapshots;

/// <param name="LabelledFaces">Faces with a non-empty person.</param>
/// <param name="People">Distinct people among labelled faces.</param>
/// <param name="Photos">Distinct values of the <c>photo</c> column.</param>
/// <param name="Relations">Rows of relations.csv.</param>
public sealed record SnapshotCounts(int Faces, int LabelledFaces, int People, int Photos, int Relations);
