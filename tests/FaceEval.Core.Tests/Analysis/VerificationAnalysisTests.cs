using FaceEval.Core.Analysis;
using FaceEval.Core.Embeddings;

namespace FaceEval.Core.Tests.Analysis;

public class VerificationAnalysisTests
{
    [Fact]
    public void UsesEveryPairWhenThereAreFewEnough()
    {
        // 3 people with 3, 2, 1 faces and an unlabelled face: 3 + 1 genuine pairs, C(6,2) - 4 = 11 impostor pairs.
        var embeddings = Vectors.AtAngles(0, 5, 10, 90, 95, 200, 45);
        var result = VerificationAnalysis.Compute(embeddings, [0, 0, 0, 1, 1, 2, -1], new VerificationOptions());
        Assert.NotNull(result);
        Assert.Equal((4, 11), (result.Roc.Genuine, result.Roc.Impostor));
        Assert.Equal((4L, 11L), (result.GenuineAvailable, result.ImpostorAvailable));
        Assert.False(result.GenuineSampled || result.ImpostorSampled);
        Assert.Equal(1.0, result.Auc, 12);
        Assert.Equal(0.0, result.EqualErrorRate, 12);
        Assert.Equal(3, result.OperatingPoints.Count);
    }

    [Fact]
    public void SamplesDeterministicallyWhenThereAreTooManyPairs()
    {
        var random = new Random(3);
        var n = 400;
        var data = new float[n * 8];
        var truth = new int[n];
        for (var i = 0; i < n; i++)
        {
            truth[i] = i % 20;
            for (var d = 0; d < 8; d++)
            {
                data[i * 8 + d] = (float)(random.NextDouble() - 0.5 + (d == truth[i] % 8 ? 1.0 : 0));
            }
        }

        var embeddings = EmbeddingMatrix.FromRowMajor(data, n, 8);
        var options = new VerificationOptions(MaxGenuinePairs: 500, MaxImpostorPairs: 3000, Seed: 9);
        var a = VerificationAnalysis.Compute(embeddings, truth, options)!;
        var b = VerificationAnalysis.Compute(embeddings, truth, options)!;
        var other = VerificationAnalysis.Compute(embeddings, truth, options with { Seed = 10 })!;

        Assert.True(a.GenuineSampled && a.ImpostorSampled);
        Assert.Equal((500, 3000), (a.Roc.Genuine, a.Roc.Impostor));
        Assert.Equal(20L * 20 * 19 / 2, a.GenuineAvailable);
        Assert.Equal(a.Auc, b.Auc);
        Assert.Equal(a.EqualErrorRate, b.EqualErrorRate);
        Assert.NotEqual(a.Auc, other.Auc);
        Assert.InRange(a.Auc, 0.5, 1.0);
    }

    [Fact]
    public void NothingToVerifyWithoutBothKindsOfPair() =>
        Assert.Null(VerificationAnalysis.Compute(Vectors.AtAngles(0, 10, 20), [0, 1, 2], new VerificationOptions()));
}
