using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Tests.Embeddings;

public class EmbeddingMatrixTests
{
    [Fact]
    public void RowsAreNormalisedAndDistanceIsOneMinusCosine()
    {
        var m = EmbeddingMatrix.FromRowMajor([3f, 4f, 0f, 2f], count: 2, dimension: 2);

        Assert.Equal(0.6f, m.Row(0)[0], 6);
        Assert.Equal(0.8f, m.Row(0)[1], 6);
        Assert.Equal(1f - 0.8f, m.Distance(0, 1), 6);
        Assert.Equal(0f, m.Distance(1, 1), 6);
    }

    [Fact]
    public void NanAndZeroRowsAreRejectedNamingTheRow()
    {
        var nan = Assert.Throws<FaceEvalException>(() => EmbeddingMatrix.FromRowMajor([1f, 0f, float.NaN, 1f], 2, 2));
        Assert.Equal(ErrorKind.InvalidData, nan.Kind);
        Assert.Contains("row 1", nan.Message);

        var zero = Assert.Throws<FaceEvalException>(() => EmbeddingMatrix.FromRowMajor([0f, 0f], 1, 2));
        Assert.Contains("zero vector", zero.Message);
    }

    [Fact]
    public void InfinityAndRowsTooLargeToNormaliseAreRejected()
    {
        var infinite = Assert.Throws<FaceEvalException>(() => EmbeddingMatrix.FromRowMajor([1f, 0f, 0f, float.NegativeInfinity], 2, 2));
        Assert.Contains("row 1 contains NaN or infinity", infinite.Message);

        // Finite, but the sum of squares overflows a float: refused rather than turned into zeros.
        var huge = Assert.Throws<FaceEvalException>(() => EmbeddingMatrix.FromRowMajor([3e38f, 3e38f, 1f, 0f], 2, 2));
        Assert.Equal(ErrorKind.InvalidData, huge.Kind);
        Assert.Contains("row 0 has values too large", huge.Message);
    }

    [Fact]
    public void WrongBufferLengthIsADimensionError()
    {
        var ex = Assert.Throws<FaceEvalException>(() => EmbeddingMatrix.FromRowMajor(new float[5], 2, 2));
        Assert.Equal(ErrorKind.DimensionMismatch, ex.Kind);
    }
}
