using FaceEval.Core.Hierarchy;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Algorithms;

/// <summary>Agglomerative clustering on a k-nearest-neighbour graph instead of the full matrix.</summary>
public static partial class Agglomerative
{
    /// <summary>
    /// The merge tree over the graph's pairs (<see cref="SparseLinkage"/>: missing pairs are no link, which
    /// forms are exact where). Cut it like the full form's; clusters the graph never links stay apart at
    /// every threshold.
    /// </summary>
    public static Dendrogram BuildDendrogram(NeighborGraph graph, Linkage linkage, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new Dendrogram(graph.Count, SparseLinkage.Build(graph, linkage, cancellation));
    }

    /// <summary>
    /// Faces in clusters of <paramref name="labels"/> that are not cliques of <paramref name="graph"/>: their
    /// merges under average linkage averaged only the cross pairs the graph holds.
    /// </summary>
    public static int FacesInPartialClusters(NeighborGraph graph, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(labels);
        var k = labels.Length == 0 ? 0 : labels.Max() + 1;
        var size = new long[k];
        var inside = new long[k];
        for (var i = 0; i < labels.Length; i++)
        {
            size[labels[i]]++;
            foreach (var j in graph.Neighbours(i))
            {
                inside[labels[i]] += j > i && labels[j] == labels[i] ? 1 : 0;
            }
        }

        var faces = 0L;
        for (var c = 0; c < k; c++)
        {
            faces += inside[c] < size[c] * (size[c] - 1) / 2 ? size[c] : 0;
        }

        return (int)faces;
    }
}
