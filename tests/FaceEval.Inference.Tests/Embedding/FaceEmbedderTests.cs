using FaceEval.Core.Errors;
using FaceEval.Imaging;
using FaceEval.Inference.Embedding;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Tests.Embedding;

public class FaceEmbedderTests
{
    private static ModelCatalog Catalog => ModelCatalog.Load(TestPaths.ModelsJson, TestPaths.SharedModels);

    [NeedsFact("arcface_w600k_mbf_int8.onnx", "faceplugin_fr_feature.onnx", "mobilefacenet128.onnx")]
    public void Embeddings_match_onnxruntime_node()
    {
        var crops = Enumerable.Range(0, 3).Select(i => SyntheticImages.Make(i, 112, 112)).ToList();
        foreach (var model in new[] { "arcface_w600k_mbf_int8", "fr_feature", "mobilefacenet128" })
        {
            // Batch 2 splits the three crops over two runs of the dynamic-batch model.
            using var embedder = FaceEmbedder.Open(OrtRuntime.Load(), Catalog, model, new SessionSettings(IntraOpThreads: 1), batchSize: 2);
            var ours = embedder.Embed(crops);
            var reference = ReferenceFixture.Embeddings(model);
            Assert.Equal(reference.Length, ours.Count);
            Assert.Equal(reference[0].Length, ours.Dimension);
            for (var i = 0; i < ours.Count; i++)
            {
                var cosine = Dot(ours.Row(i), reference[i]);
                Assert.True(cosine >= 0.9999, $"{model} image {i}: cosine {cosine} with onnxruntime-node");
            }

            // Different inputs must give clearly different embeddings, or the check above proves little.
            Assert.True(Dot(ours.Row(0), ours.Row(1)) < 0.99, $"{model}: synthetic images embed alike");
        }
    }

    [NeedsFact("arcface_w600k_mbf_int8.onnx")]
    public void A_batch_dependent_model_runs_one_image_at_a_time()
    {
        var crops = Enumerable.Range(0, 4).Select(i => SyntheticImages.Make(i, 112, 112)).ToList();
        var runtime = OrtRuntime.Load();
        var spec = Catalog.Get("arcface_w600k_mbf_int8");
        Assert.False(spec.Input.BatchInvariant);

        // Why: run as one batch, the int8 model's dynamic quantisation mixes the images' ranges.
        using (var session = runtime.CreateSession(Catalog.PathOf(spec)))
        {
            var one = new float[3 * 112 * 112];
            var four = new float[4 * one.Length];
            for (var i = 0; i < 4; i++)
            {
                InputTensor.Write(crops[i], spec.Input, 112, 112, four.AsSpan(i * one.Length, one.Length));
            }

            Array.Copy(four, one, one.Length);
            var alone = session.Run(one, [1, 3, 112, 112])[0].Data;
            var batched = session.Run(four, [4, 3, 112, 112])[0].Data.AsSpan(0, 512);
            Assert.True(Cosine(alone, batched) < 0.9999);
        }

        using var asked4 = FaceEmbedder.Open(runtime, Catalog, "arcface_w600k_mbf_int8", batchSize: 4);
        using var asked1 = FaceEmbedder.Open(runtime, Catalog, "arcface_w600k_mbf_int8", batchSize: 1);
        var a = asked4.Embed(crops);
        var b = asked1.Embed(crops);
        Assert.Equal(a.Data.ToArray(), b.Data.ToArray());
        for (var i = 0; i < crops.Count; i++)
        {
            Assert.InRange(Dot(a.Row(i), a.Row(i)), 0.99999, 1.00001);
        }
    }

    [NeedsFact("arcface_w600k_mbf_int8.onnx")]
    public void A_crop_of_the_wrong_size_is_a_dimension_mismatch()
    {
        using var embedder = FaceEmbedder.Open(OrtRuntime.Load(), Catalog, "arcface_w600k_mbf_int8");
        var e = Assert.Throws<FaceEvalException>(() => embedder.Embed([RgbImage.Blank(100, 112)]));
        Assert.Equal(ErrorKind.DimensionMismatch, e.Kind);
    }

    [Fact]
    public void Input_tensor_follows_channel_order_normalisation_and_layout()
    {
        var image = new RgbImage(2, 1, [10, 20, 30, 40, 50, 60]);
        var bgr = new ModelInput { Width = 2, Height = 1, Channels = ChannelOrder.Bgr, Mean = [0, 0, 0], Std = [1, 1, 1] };
        var t = new float[6];
        InputTensor.Write(image, bgr, 2, 1, t);
        Assert.Equal([30f, 60, 20, 50, 10, 40], t);

        var rgb = bgr with { Channels = ChannelOrder.Rgb, Mean = [10, 10, 10], Std = [2, 2, 2], Layout = TensorLayout.Nhwc };
        InputTensor.Write(image, rgb, 2, 1, t);
        Assert.Equal([0f, 5, 10, 15, 20, 25], t);

        // Padding beyond the image is a black pixel, normalised like any other.
        var padded = new float[3 * 3 * 1];
        InputTensor.Write(image, rgb with { Layout = TensorLayout.Nchw }, 3, 1, padded);
        Assert.Equal([0f, 15, -5, 5, 20, -5, 10, 25, -5], padded);
    }

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Dot(a, b) / Math.Sqrt(Dot(a, a) * Dot(b, b));

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
