using FaceEval.Core.Algorithms;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Fidelity;

/// <summary>
/// One setting replayed on the full matrix and on a neighbour graph. <see cref="Warnings"/> are the graph
/// form's own: a graph form warns whenever it cannot promise the full form's labels (a cut-off
/// neighbourhood, a search that went past k), so a row without warnings is one the graph form claims
/// exact, and <see cref="Agreement"/> is where that claim is checked.
/// </summary>
/// <param name="FullAri">ARI of the full form against the ground truth (null when it has none to score).</param>
/// <param name="GraphAri">ARI of the graph form against the ground truth.</param>
/// <param name="FullSeconds">Clustering seconds on the full matrix, the matrix itself excluded.</param>
/// <param name="GraphSeconds">Clustering seconds on the graph, the graph itself excluded.</param>
public sealed record FidelityRow(
    ParameterSet Parameters,
    NeighborChoice Neighbors,
    PartitionAgreement Agreement,
    double? FullAri,
    double? GraphAri,
    IReadOnlyList<string> Warnings,
    double FullSeconds,
    double GraphSeconds)
{
    /// <summary>An approximate graph may miss a true neighbour whatever the setting, so only an exact graph's row can claim exactness.</summary>
    public bool ClaimsExact => Warnings.Count == 0 && Neighbors.Structure == NeighborStructure.Exact;
}

/// <summary>Every row of one `faceeval fidelity`, with the snapshot they ran on.</summary>
public sealed record FidelityResult(string SnapshotId, string Model, int Faces, IReadOnlyList<FidelityRow> Rows);
