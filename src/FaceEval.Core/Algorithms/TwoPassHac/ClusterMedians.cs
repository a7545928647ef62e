using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Algorithms;

/// <summary>Per-cluster element-wise median of (normalised) embeddings, as numpy's median (even count: mean of the middle two).</summary>
internal static class ClusterMedians
{
    /// <param name="labels">Labels 0..k-1 covering every face (no -1).</param>
    public static EmbeddingMatrix Compute(EmbeddingMatrix embeddings, int[] labels, int k)
    {
        var dim = embeddings.Dimension;
        var members = new List<int>[k];
        for (var c = 0; c < k; c++)
        {
            members[c] = [];
        }

        for (var i = 0; i < labels.Length; i++)
        {
            members[labels[i]].Add(i);
        }

        var data = new float[k * dim];
        Parallel.For(0, k, c =>
        {
            var list = members[c];
            var centroid = data.AsSpan(c * dim, dim);
            var column = new float[list.Count];
            for (var f = 0; f < dim; f++)
            {
                for (var m = 0; m < list.Count; m++)
                {
                    column[m] = embeddings.Row(list[m])[f];
                }

                Array.Sort(column);
                var h = column.Length / 2;
                centroid[f] = column.Length % 2 == 1 ? column[h] : (float)(((double)column[h - 1] + column[h]) / 2);
            }

            // A median can vanish (e.g. faces spread evenly around a circle); the mean, then any member,
            // still give the cluster a direction.
            if (System.Numerics.Tensors.TensorPrimitives.Norm(centroid) <= 1e-6f)
            {
                centroid.Clear();
                foreach (var m in list)
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(centroid, embeddings.Row(m), centroid);
                }

                if (System.Numerics.Tensors.TensorPrimitives.Norm(centroid) <= 1e-6f)
                {
                    embeddings.Row(list[0]).CopyTo(centroid);
                }
            }
        });

        return EmbeddingMatrix.FromRowMajor(data, k, dim);
    }
}
