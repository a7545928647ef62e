using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Tests.Embeddings;

/// <summary>The face-count cap: its one-line error states the limit and the memory behind it, and offers no option that does not exist.</summary>
public class DistanceMatrixLimitTests
{
    [Fact]
    public void Too_many_faces_is_one_line_naming_the_cap_and_the_memory_it_would_take()
    {
        const int n = 100_000;
        var data = new float[n];
        Array.Fill(data, 1f);
        var embeddings = EmbeddingMatrix.FromRowMajor(data, n, 1);

        var error = Assert.Throws<FaceEvalException>(() => DistanceMatrix.Compute(embeddings));

        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("nearest-neighbour", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("100000 faces", error.Message, StringComparison.Ordinal);
        // 100,000^2 x 4 bytes = 40.0 GB, worked out here by hand; the cap is 46,000^2 x 4 = 8.5 GB.
        Assert.Contains("40.0 GB", error.Message, StringComparison.Ordinal);
        Assert.Contains("46000", error.Message, StringComparison.Ordinal);
        Assert.Contains("8.5 GB", error.Message, StringComparison.Ordinal);
        Assert.Contains("float32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cap_itself_is_allowed_by_the_check()
    {
        // Only the check: one face over the cap is refused, at the cap the size fits one .NET array.
        Assert.True((long)DistanceMatrix.MaxCount * DistanceMatrix.MaxCount <= Array.MaxLength);
        var data = new float[DistanceMatrix.MaxCount + 1];
        Array.Fill(data, 1f);
        var error = Assert.Throws<FaceEvalException>(() => DistanceMatrix.Compute(EmbeddingMatrix.FromRowMajor(data, data.Length, 1)));
        Assert.Contains("46001 faces", error.Message, StringComparison.Ordinal);
    }
}
