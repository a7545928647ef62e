namespace FaceEval.Core.Graphs;

/// <summary>An undirected edge between faces <see cref="A"/> and <see cref="B"/> carrying their cosine distance.</summary>
public readonly record struct FaceEdge(int A, int B, float Distance);
