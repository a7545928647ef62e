namespace FaceEval.Core.Hierarchy;

/// <summary>
/// Edges (A[i], B[i]) of weight W[i], sorted by ascending weight (ties keep the order they were found in).
/// Used for minimum spanning trees and for the merges of a dendrogram, whose A and B are any member
/// faces of the two joined clusters.
/// </summary>
internal sealed class WeightedEdges
{
    public WeightedEdges(int[] a, int[] b, double[] w)
    {
        var order = new int[w.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Ties in weight keep discovery order, like scipy's stable sort of the linkage matrix.
        Array.Sort(order, (x, y) =>
        {
            var c = w[x].CompareTo(w[y]);
            return c != 0 ? c : x.CompareTo(y);
        });

        A = new int[order.Length];
        B = new int[order.Length];
        W = new double[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            A[i] = a[order[i]];
            B[i] = b[order[i]];
            W[i] = w[order[i]];
        }
    }

    public int[] A { get; }

    public int[] B { get; }

    public double[] W { get; }

    public int Count => W.Length;
}
