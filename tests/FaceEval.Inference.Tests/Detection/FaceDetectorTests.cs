using FaceEval.Core.Errors;
using FaceEval.Imaging;
using FaceEval.Inference.Detection;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Tests.Detection;

public class FaceDetectorTests
{
    private static ModelCatalog Catalog => ModelCatalog.Load(TestPaths.ModelsJson, TestPaths.SharedModels);

    [NeedsFact("yunet_s_dynamic.onnx", Dataset = "lfw")]
    public void Yunet_matches_onnxruntime_node_within_half_a_pixel()
    {
        var reference = ReferenceFixture.Detection;
        var options = new DetectorOptions(reference.GetProperty("scoreThreshold").GetSingle(), reference.GetProperty("nmsThreshold").GetSingle());
        using var detector = FaceDetector.Open(OrtRuntime.Load(), Catalog, reference.GetProperty("model").GetString()!, options: options);
        var compared = 0;
        foreach (var photo in reference.GetProperty("photos").EnumerateArray())
        {
            var image = ImageDecoder.Decode(Path.Combine(TestPaths.Shared!, "datasets", photo.GetProperty("file").GetString()!));
            var faces = detector.Detect(image);
            var expected = photo.GetProperty("faces").EnumerateArray().ToList();
            Assert.Equal(expected.Count, faces.Count);
            for (var f = 0; f < faces.Count; f++)
            {
                var landmarks = expected[f].GetProperty("landmarks").EnumerateArray().Select(v => v.GetSingle()).ToArray();
                var box = expected[f].GetProperty("box").EnumerateArray().Select(v => v.GetSingle()).ToArray();
                for (var k = 0; k < 10; k++)
                {
                    Assert.InRange(faces[f].Landmarks[k], landmarks[k] - 0.5f, landmarks[k] + 0.5f);
                }

                Assert.InRange(faces[f].X, box[0] - 0.5f, box[0] + 0.5f);
                Assert.InRange(faces[f].Width, box[2] - 0.5f, box[2] + 0.5f);
                Assert.InRange(faces[f].Score, expected[f].GetProperty("score").GetSingle() - 1e-3f, expected[f].GetProperty("score").GetSingle() + 1e-3f);
                compared++;
            }
        }

        Assert.True(compared >= 2);
    }

    [NeedsFact("yunet_s_dynamic.onnx", Dataset = "lfw")]
    public void Scaling_a_photo_scales_the_landmarks()
    {
        // A photo shown at twice its size: the same face at twice the coordinates. The detector itself
        // varies by a few pixels across scales; a mapping error would be off by tens.
        var file = Path.Combine(TestPaths.Shared!, "datasets", "lfw", "George_W_Bush", "George_W_Bush_0001.jpg");
        var image = ImageDecoder.Decode(file);
        using var detector = FaceDetector.Open(OrtRuntime.Load(), Catalog, "yunet");
        var small = detector.Detect(image).OrderByDescending(f => f.Score).First();
        var large = detector.Detect(ImageResizer.Resize(image, image.Width * 2, image.Height * 2)).OrderByDescending(f => f.Score).First();
        for (var k = 0; k < 10; k++)
        {
            Assert.InRange(large.Landmarks[k] / 2, small.Landmarks[k] - 5, small.Landmarks[k] + 5);
        }
    }

    [NeedsFact("yunet_s_dynamic.onnx")]
    public void A_blank_image_has_no_faces()
    {
        using var detector = FaceDetector.Open(OrtRuntime.Load(), Catalog, "yunet");
        Assert.Empty(detector.Detect(RgbImage.Blank(200, 120)));
    }

    [NeedsFact("faceplugin_fr_detect.onnx")]
    public void A_box_only_detector_without_its_landmark_model_is_refused_clearly()
    {
        var spec = Catalog.Get("ultraface", ModelKind.Detector);
        var e = Assert.Throws<FaceEvalException>(() => new FaceDetector(OrtRuntime.Load(), spec, Catalog.PathOf(spec)));
        Assert.Equal(ErrorKind.Usage, e.Kind);
        Assert.Contains("ultraface_landmarks68", e.Message);
    }

    [Fact]
    public void Nms_keeps_the_best_of_overlapping_faces()
    {
        DetectedFace Face(float x, float score) => new(x, 0, 10, 10, score, new float[10]);
        var kept = NonMaximumSuppression.Apply([Face(0, 0.7f), Face(1, 0.9f), Face(30, 0.5f), Face(5, 0.8f)], 0.3f);
        Assert.Equal([0.9f, 0.5f], kept.Select(f => f.Score));
    }

    [Fact]
    public void Thresholds_are_validated()
    {
        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => new DetectorOptions(ScoreThreshold: 1.5f).Validate()).Kind);
        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => new DetectorOptions(MaxSide: 8).Validate()).Kind);
    }
}
