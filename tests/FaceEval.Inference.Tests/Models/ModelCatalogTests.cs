using System.Security.Cryptography;
using FaceEval.Core.Errors;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Tests.Models;

public class ModelCatalogTests
{
    private static ModelCatalog Catalog(string? modelsDirectory = null) => ModelCatalog.Load(TestPaths.ModelsJson, modelsDirectory);

    [Fact]
    public void The_committed_catalog_loads_with_the_issue_names_and_defaults()
    {
        var catalog = Catalog();
        Assert.Equal("yunet", catalog.Default(ModelKind.Detector).Name);
        Assert.Equal("arcface_w600k_mbf_int8", catalog.Default(ModelKind.Embedder).Name);
        foreach (var detector in new[] { "yunet", "scrfd_500m", "retinaface_mnet025", "ultraface" })
        {
            Assert.Equal(ModelKind.Detector, catalog.Get(detector).Kind);
        }

        foreach (var embedder in new[] { "arcface_w600k_mbf_int8", "fr_feature", "mobilefacenet128", "arcface_r50", "arcface_r100", "facenet512" })
        {
            var spec = catalog.Get(embedder, ModelKind.Embedder);
            var template = catalog.TemplateFor(spec);
            Assert.Equal(spec.Input.Width, template.Width);
        }

        Assert.Equal(160, catalog.Get("facenet512").Input.Width);
        Assert.Equal(128, catalog.Get("mobilefacenet128").EmbeddingDimension);
    }

    [Fact]
    public void An_unknown_name_lists_the_valid_ones()
    {
        var e = Assert.Throws<FaceEvalException>(() => Catalog().Get("arcface", ModelKind.Embedder));
        Assert.Equal(ErrorKind.UnknownName, e.Kind);
        Assert.Contains("arcface_w600k_mbf_int8", e.Message);
        Assert.DoesNotContain("yunet", e.Message);

        // A detector asked for as an embedder is unknown as an embedder.
        Assert.Equal(ErrorKind.UnknownName, Assert.Throws<FaceEvalException>(() => Catalog().Get("yunet", ModelKind.Embedder)).Kind);
    }

    [Fact]
    public void A_missing_model_file_says_how_to_get_it()
    {
        var empty = Directory.CreateTempSubdirectory("faceeval-models").FullName;
        try
        {
            var catalog = Catalog(empty);
            var pinned = Assert.Throws<FaceEvalException>(() => catalog.PathOf(catalog.Get("yunet")));
            Assert.Equal(ErrorKind.FileNotFound, pinned.Kind);
            Assert.Contains("setup.sh", pinned.Message);
            var brought = Assert.Throws<FaceEvalException>(() => catalog.PathOf(catalog.Get("arcface_r50")));
            Assert.Contains("bring that file yourself", brought.Message);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Theory]
    [InlineData("""{"models":[{"name":"x","kind":"embedder","file":"x.onnx","input":{"width":112,"height":112,"mean":[0,0,0],"std":[1,1,1]},"embeddingDimension":8,"template":"nope"}]}""", "unknown alignment template")]
    [InlineData("""{"models":[{"name":"x","kind":"detector","file":"x.onnx","input":{"width":64,"height":64,"mean":[0,0,0],"std":[1,1,1]}}]}""", "needs a family")]
    [InlineData("""{"models":[{"name":"x","kind":"painter"}]}""", "kind")]
    [InlineData("""{"models":[{"name":"x","kind":"detector","family":"yunet","file":"../x.onnx","input":{"width":64,"height":64,"mean":[0,0,0],"std":[1,1,1]}}]}""", "plain file name")]
    [InlineData("""{"models":[{"name":"x","kind":"detector","family":"yunet","file":"x.onnx","sha256":"ABC","input":{"width":64,"height":64,"mean":[0,0,0],"std":[1,1,1]}}]}""", "sha256")]
    [InlineData("""{"models":[{"name":"x","kind":"detector","family":"yunet","file":"x.onnx","input":{"width":64,"height":64,"mean":[0,0,0],"std":[1,0,1]}}]}""", "std non-zero")]
    public void Invalid_catalogs_are_invalid_data(string json, string expected)
    {
        var e = Assert.Throws<FaceEvalException>(() => ModelCatalog.Parse(json, "test.json", "."));
        Assert.Equal(ErrorKind.InvalidData, e.Kind);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [NeedsFact]
    public void Every_pinned_model_in_shared_matches_its_hash_names_and_sizes()
    {
        var catalog = Catalog(TestPaths.SharedModels);
        var runtime = OrtRuntime.Load();
        var checkedCount = 0;
        foreach (var spec in catalog.Models.Where(m => m.Sha256 is not null && TestPaths.HasModel(m.File)))
        {
            var path = catalog.PathOf(spec);
            Assert.Equal(spec.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
            using var session = runtime.CreateSession(path, new SessionSettings(IntraOpThreads: 1));
            var input = Assert.Single(session.Inputs);
            Assert.Equal(spec.Input.Name, input.Name);
            Assert.Equal(spec.Input.ChannelCount, input.Shape[1]);
            Assert.Equal(spec.Input.DynamicBatch, input.Shape[0] < 0);
            if (!spec.Input.DynamicSize)
            {
                Assert.Equal([spec.Input.Height, spec.Input.Width], input.Shape.Skip(2).Select(d => (int)d));
            }

            Assert.Subset(session.Outputs.Select(o => o.Name).ToHashSet(), spec.Outputs.ToHashSet());
            checkedCount++;
        }

        Assert.Equal(10, checkedCount);
    }
}
