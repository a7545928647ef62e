using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Neighbors;

/// <summary>
/// The neighbour structure a run uses: the full matrix, the exact graph with k neighbours per face, or the
/// approximate graph with k neighbours and its index parameters (which equality includes: two approx
/// graphs with other parameters are other graphs).
/// </summary>
public sealed record NeighborChoice
{
    /// <summary>Neighbours per face when none is asked for (<c>--k</c>).</summary>
    public const int DefaultK = 32;

    /// <summary>Largest k accepted: far above any algorithm's need, and N x k must fit one array for 1M faces.</summary>
    public const int MaxK = 2_000;

    public static NeighborChoice Full { get; } = new(NeighborStructure.Full, 0);

    public NeighborChoice(NeighborStructure structure, int k, IvfParameters? index = null)
    {
        if ((structure == NeighborStructure.Approx) != (index is not null))
        {
            throw new FaceEvalException(ErrorKind.Usage, index is null
                ? "the approx structure needs its index parameters (nlist, nprobe)"
                : $"--nlist/--nprobe apply to --neighbors approx only, not {structure.ToString().ToLowerInvariant()}");
        }

        if (structure == NeighborStructure.Full ? k != 0 : k is < 1 or > MaxK)
        {
            throw new FaceEvalException(ErrorKind.Usage, structure == NeighborStructure.Full
                ? "the full matrix holds every pair; it takes no k"
                : $"--k {k.ToString(CultureInfo.InvariantCulture)} is out of range; valid: 1..{MaxK.ToString(CultureInfo.InvariantCulture)}");
        }

        Structure = structure;
        K = k;
        Index = index;
    }

    public NeighborStructure Structure { get; }

    /// <summary>Neighbours per face of the graph; 0 for <see cref="NeighborStructure.Full"/>.</summary>
    public int K { get; }

    /// <summary>The inverted file's parameters for <see cref="NeighborStructure.Approx"/>; null otherwise.</summary>
    public IvfParameters? Index { get; }

    public bool IsGraph => Structure != NeighborStructure.Full;

    /// <summary>As the CLI spells it: <c>full</c>, <c>exact k=32</c>, <c>approx k=32 nlist=2000 nprobe=63</c>.</summary>
    public override string ToString() => IsGraph
        ? $"{Structure.ToString().ToLowerInvariant()} k={K.ToString(CultureInfo.InvariantCulture)}{(Index is null ? "" : " " + Index)}"
        : "full";
}
