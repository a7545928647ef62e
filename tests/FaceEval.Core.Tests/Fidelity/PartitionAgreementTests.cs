using FaceEval.Core.Fidelity;

namespace FaceEval.Core.Tests.Fidelity;

public class PartitionAgreementTests
{
    [Fact]
    public void RenamedClustersAreIdentical()
    {
        var agreement = PartitionAgreement.Of([0, 0, 1, 1, -1, 2], [7, 7, 3, 3, -1, 9]);

        Assert.Equal(1.0, agreement.Ari, 12);
        Assert.True(agreement.Identical);
        Assert.Equal(0, agreement.Moved);
    }

    [Fact]
    public void AnUnassignedFaceAndASingletonAgreeInAriButAreNotIdentical()
    {
        // Both are singletons to every metric; the partition differs only in what "unassigned" means.
        var agreement = PartitionAgreement.Of([0, 0, 1, 1, -1, 2], [5, 5, 7, 7, 9, -1]);

        Assert.Equal(1.0, agreement.Ari, 12);
        Assert.False(agreement.Identical);
        Assert.Equal(2, agreement.Moved);
    }

    // Reference values: sklearn.metrics.adjusted_rand_score (scikit-learn 1.2.1) on the same labels.
    [Theory]
    [InlineData(new[] { 0, 0, 0, 1, 1, 1 }, new[] { 0, 0, 1, 1, 1, 1 }, 0.32432432432432434)]
    [InlineData(new[] { 0, 0, 1, 1, 2, 2, 3, 4 }, new[] { 0, 0, 1, 1, 1, 2, 3, 3 }, 0.422680412371134)]
    public void AriIsScikitLearns(int[] reference, int[] other, double expected)
    {
        var agreement = PartitionAgreement.Of(reference, other);

        Assert.Equal(expected, agreement.Ari, 12);
        Assert.False(agreement.Identical);
    }

    [Fact]
    public void ASplitClusterIsNotIdentical()
    {
        var agreement = PartitionAgreement.Of([0, 0, 0, 0], [0, 0, 1, 1]);

        Assert.False(agreement.Identical);
        Assert.Equal(2, agreement.Moved);
    }

    [Fact]
    public void AMergeIsNotIdentical()
    {
        Assert.False(PartitionAgreement.Of([0, 0, 1, 1], [0, 0, 0, 0]).Identical);
    }
}
