using FaceEval.Core.Algorithms;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.Algorithms;

/// <summary>
/// The registration table and what `faceeval algorithms` prints. Fixtures/algorithm_catalog.tsv is the
/// table printed by the CLI at commit 6c41ba0, before algorithms moved into their folders, so the move
/// (and any later one) is checked against what users saw, not against the code itself.
/// </summary>
public class AlgorithmCatalogTests
{
    [Fact]
    public void EveryAlgorithmListsTheParametersDefaultsRangesAndHelpItDidBeforeTheMove()
    {
        // Algorithms added since are not in the file: adding one must not need an edit here.
        var expected = File.ReadAllLines(RepoPaths.Fixture("algorithm_catalog.tsv")).Where(l => l.Length > 0)
            .GroupBy(l => l.Split('\t')[0]).ToArray();
        Assert.Equal(expected.Select(g => g.Key), AlgorithmNames.All.Take(expected.Length));
        foreach (var algorithm in expected)
        {
            var kind = AlgorithmNames.Parse(algorithm.Key);
            var actual = AlgorithmCatalog.Get(kind).Parameters
                .Select(s => string.Join('\t', algorithm.Key, s.Name, s.Default, s.Range, s.Description));
            Assert.Equal(algorithm, actual);
        }
    }

    [Fact]
    public void EachRegistrationNamesAClassThatKnowsItsKind()
    {
        Assert.Equal(Enum.GetValues<AlgorithmKind>(), AlgorithmCatalog.All);
        Assert.Equal(AlgorithmNames.All.Count, AlgorithmNames.All.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var kind in AlgorithmCatalog.All)
        {
            Assert.Equal(kind, AlgorithmCatalog.Get(kind).Kind);
            Assert.Equal(kind, AlgorithmNames.Parse(AlgorithmNames.Name(kind).ToUpperInvariant()));
        }
    }
}
