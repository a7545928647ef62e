using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Tests.Algorithms;

public class ClusteringContextFreshTests
{
    [Fact]
    public void FreshSharesTheDistanceMatrixButNoCachedStructure()
    {
        var data = new float[] { 1, 0, 0, 1, 1, 1, -1, 0.5f };
        var context = new ClusteringContext(EmbeddingMatrix.FromRowMajor(data, 4, 2), [0, 1, 2, 3], [0, 0, 1, 1], [0, 0, 1, -1]);
        var builds = 0;
        context.Cache("tree", () => new object[] { ++builds });

        var fresh = context.Fresh();

        Assert.True(context.HasDistances);
        Assert.Same(context.Distances, fresh.Distances);
        Assert.Same(context.Embeddings, fresh.Embeddings);
        Assert.Equal(context.Truth, fresh.Truth);
        fresh.Cache("tree", () => new object[] { ++builds });
        Assert.Equal(2, builds);
    }
}
