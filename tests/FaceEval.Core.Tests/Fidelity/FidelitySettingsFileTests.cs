using FaceEval.Core.Algorithms;
using FaceEval.Core.Errors;
using FaceEval.Core.Fidelity;
using FaceEval.Core.Tests.TestData;

namespace FaceEval.Core.Tests.Fidelity;

public sealed class FidelitySettingsFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string File(string text)
    {
        var path = _dir.Combine($"settings-{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ReadsAlgorithmsAndOverridesOfAnyScalarType()
    {
        var settings = FidelitySettingsFile.Read(File("""{"settings": [{"algorithm": "dbscan"}, {"algorithm": "dbscan", "set": {"eps": 0.4, "minSamples": "5"}}]}"""));

        Assert.Equal(2, settings.Count);
        Assert.All(settings, s => Assert.Equal(AlgorithmKind.Dbscan, s.Algorithm));
        Assert.Empty(settings[0].Overrides);
        Assert.Equal([new("eps", "0.4"), new("minSamples", "5")], settings[1].Overrides);
    }

    [Theory]
    [InlineData("""{"settings": []}""")]
    [InlineData("""{"settings": [{"algorithm": "no-such"}]}""")]
    [InlineData("""{"settings": [{"algorithm": "dbscan", "set": {"eps": [1]}}]}""")]
    [InlineData("""not json""")]
    public void AnythingElseIsInvalidData(string text)
    {
        var error = Assert.Throws<FaceEvalException>(() => FidelitySettingsFile.Read(File(text)));

        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AMissingFileIsFileNotFound() =>
        Assert.Equal(ErrorKind.FileNotFound, Assert.Throws<FaceEvalException>(() => FidelitySettingsFile.Read(_dir.Combine("none.json"))).Kind);
}
