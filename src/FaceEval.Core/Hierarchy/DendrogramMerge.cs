namespace FaceEval.Core.Hierarchy;

/// <summary>
/// One row of a dendrogram, in scipy's linkage-matrix convention: node ids below the dendrogram's
/// <c>Count</c> are faces, id <c>Count + i</c> is the cluster formed by merge i.
/// </summary>
/// <param name="Left">Smaller node id of the two joined clusters.</param>
/// <param name="Right">Larger node id of the two joined clusters.</param>
/// <param name="Height">Linkage distance (cosine distance units, 0..2) at which they join.</param>
/// <param name="Size">Number of faces in the joined cluster.</param>
public readonly record struct DendrogramMerge(int Left, int Right, double Height, int Size);
