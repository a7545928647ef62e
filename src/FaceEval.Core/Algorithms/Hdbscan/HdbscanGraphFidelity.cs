namespace FaceEval.Core.Algorithms;

/// <summary>
/// How far HDBSCAN's spanning forest over a k-nearest-neighbour graph may be from the full form's tree.
/// </summary>
/// <param name="Components">Pieces the graph leaves apart (1 when connected); each extra piece stands for at least one full-tree edge the graph lacks.</param>
/// <param name="LargestComponent">Faces in the largest piece.</param>
/// <param name="ExhaustedFaces">
/// Faces whose k-th neighbour lies closer than the mutual-reachability distance of a forest edge at that
/// face: a face outside their lists could have joined them sooner. An indicator of where the forest may
/// differ, not a proof that it does (or, at 0, that it does not); 0 when the lists hold every other face.
/// </param>
public sealed record HdbscanGraphFidelity(int Components, int LargestComponent, int ExhaustedFaces);
