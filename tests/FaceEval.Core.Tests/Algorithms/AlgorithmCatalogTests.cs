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
        var expected = File.ReadAllLines(RepoPaths.Fixture("algorithm_catalog.tsv")).Where(l => l.Length > 0);
        var actual = AlgorithmCatalog.All.SelectMany(kind => AlgorithmCatalog.Get(kind).Parameters
            .Select(s => string.Join('\t', AlgorithmNames.Name(kind), s.Name, s.Default, s.Range, s.Description)));

        Assert.Equal(expected, actual);
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
