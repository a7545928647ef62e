using FaceEval.Core.Errors;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Tests.Metrics;

public class LookalikePairsTests
{
    private static readonly Dictionary<string, int> s_people = new()
    {
        ["F1/MID1"] = 0, ["F1/MID2"] = 1, ["F1/MID3"] = 2, ["F2/MID1"] = 3, ["F2/MID2"] = 4,
    };

    [Fact]
    public void DefaultFilterKeepsSiblingsAndAnyTwinType()
    {
        var pairs = LookalikePairs.FromRelations(
        [
            ("F1/MID1", "F1/MID2", "sibling"),
            ("F1/MID1", "F1/MID3", "parent-child"),
            ("F2/MID2", "F2/MID1", "twin-sibling"),
            ("F1/MID3", "F1/MID2", "Twins"),
            ("F1/MID2", "F1/MID1", "sibling"),
            ("F1/MID2", "ghost", "sibling"),
            ("F1/MID3", "F1/MID3", "sibling"),
        ], s_people);

        Assert.Equal([(0, 1), (1, 2), (3, 4)], pairs.Pairs.ToArray());
        Assert.True(pairs.Contains(4, 3));
        Assert.False(pairs.Contains(0, 2));
    }

    [Fact]
    public void AStrictFilterRefusesATypeNoRelationHasAndAcceptsPrefixesThatMatch()
    {
        (string, string, string)[] relations = [("F1/MID1", "F1/MID2", "sibling"), ("F2/MID1", "F2/MID2", "twin-sibling")];

        var typo = Assert.Throws<FaceEvalException>(() => LookalikePairs.FromRelations(relations, s_people, RelationTypeFilter.Parse("sibbling", strict: true)));
        Assert.Equal(ErrorKind.UnknownName, typo.Kind);
        Assert.Contains("'sibbling'", typo.Message);
        Assert.Contains("sibling, twin-sibling", typo.Message);
        var noRelations = Assert.Throws<FaceEvalException>(() => LookalikePairs.FromRelations([], s_people, RelationTypeFilter.Parse("sibling", strict: true)));
        Assert.Contains("no relations", noRelations.Message);

        Assert.Equal(2, LookalikePairs.FromRelations(relations, s_people, RelationTypeFilter.Parse("SIBLING,twin*", strict: true)).Count);
        Assert.Equal(1, LookalikePairs.FromRelations(relations, s_people, RelationTypeFilter.Parse("sibbling,sibling")).Count);
        Assert.Equal(0, LookalikePairs.FromRelations([], s_people, RelationTypeFilter.Default).Count);
        Assert.Equal(1, LookalikePairs.FromRelations([relations[0]], s_people, RelationTypeFilter.Parse("sibling,twin*", strict: true)).Count);
    }

    [Fact]
    public void ACustomFilterReplacesTheDefault()
    {
        var filter = RelationTypeFilter.Parse(" Spouse , parent* ");
        var pairs = LookalikePairs.FromRelations(
            [("F1/MID1", "F1/MID2", "spouse"), ("F1/MID1", "F1/MID3", "parent-child"), ("F2/MID1", "F2/MID2", "sibling")],
            s_people, filter);

        Assert.Equal([(0, 1), (0, 2)], pairs.Pairs.ToArray());
        Assert.Equal("spouse,parent*", filter.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("sibling,,twin*")]
    [InlineData("tw*in")]
    public void BadRelationTypeSpecsAreUsageErrors(string spec)
    {
        var error = Assert.Throws<FaceEvalException>(() => RelationTypeFilter.Parse(spec));

        Assert.Equal(ErrorKind.Usage, error.Kind);
    }

    [Fact]
    public void FilterMatchesExactTypesAndPrefixesCaseInsensitively()
    {
        var filter = RelationTypeFilter.Default;

        Assert.True(filter.Matches("SIBLING"));
        Assert.True(filter.Matches("twin"));
        Assert.True(filter.Matches("twin-sibling"));
        Assert.False(filter.Matches("siblings"));
        Assert.False(filter.Matches("half-sibling"));
        Assert.False(filter.Matches(null));
    }

    [Fact]
    public void NegativePersonIndexIsInvalidData()
    {
        Assert.Equal(ErrorKind.InvalidData,
            Assert.Throws<FaceEvalException>(() => LookalikePairs.FromIndexPairs([(0, -1)])).Kind);
    }
}
