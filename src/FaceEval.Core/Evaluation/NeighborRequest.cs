using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Evaluation;

/// <summary>The neighbour structure and k a user asked for; null where they asked nothing (see <see cref="NeighborPlan"/>).</summary>
public sealed record NeighborRequest(NeighborStructure? Structure, int? K)
{
    public static NeighborRequest Default { get; } = new(null, null);
}
