namespace FaceEval.Core.Neighbors;

/// <summary>What an algorithm reads its distances from (<c>--neighbors</c>).</summary>
public enum NeighborStructure
{
    /// <summary>The full N x N <see cref="Embeddings.DistanceMatrix"/>: every pair, up to its size limit.</summary>
    Full,

    /// <summary>The exact k-nearest-neighbour graph (<see cref="KnnGraph"/>): N x k pairs, any N.</summary>
    Exact,

    /// <summary>The approximate k-nearest-neighbour graph of an <see cref="InvertedFileIndex"/>, its recall measured: any N, far faster than exact.</summary>
    Approx,
}
