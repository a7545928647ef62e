using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Evaluation;

/// <summary>
/// The neighbour structure, k and index options a user asked for; null where they asked nothing (see
/// <see cref="NeighborPlan"/>, which refuses index options for a structure without an index).
/// </summary>
public sealed record NeighborRequest(NeighborStructure? Structure, int? K)
{
    public static NeighborRequest Default { get; } = new(null, null);

    /// <summary><c>--nlist</c>: k-means lists of the approx index.</summary>
    public int? Nlist { get; init; }

    /// <summary><c>--nprobe</c>: lists each query of the approx index scores.</summary>
    public int? Nprobe { get; init; }

    /// <summary><c>--recall-queries</c>: faces sampled to measure the approx graph's recall.</summary>
    public int? RecallQueries { get; init; }

    /// <summary><c>--recall-floor</c>: recall below which the approx build warns.</summary>
    public double? RecallFloor { get; init; }

    /// <summary>The seed of the approx index (replayed from a record); null: <see cref="IvfParameters.DefaultSeed"/>.</summary>
    public int? IndexSeed { get; init; }

    /// <summary>The CLI names of the index options given, for refusals.</summary>
    public IReadOnlyList<string> IndexOptionsGiven() =>
        new (string Name, bool Given)[]
        {
            ("--nlist", Nlist is not null), ("--nprobe", Nprobe is not null), ("--recall-queries", RecallQueries is not null),
            ("--recall-floor", RecallFloor is not null), ("index seed", IndexSeed is not null),
        }.Where(o => o.Given).Select(o => o.Name).ToArray();
}
