using FaceEval.Imaging;
using FaceEval.Inference.Detection;
using FaceEval.Inference.Models;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Tests.Detection;

/// <summary>
/// SCRFD, RetinaFace and UltraFace (+ 68-point landmarks) against the fixture made by
/// tools/fixtures/make_inference_fixtures.js, and on real photos. The fixture's decoders are this
/// repository's own JavaScript ports of the same decoders over onnxruntime-node, so agreement shows only
/// that our binding, pre-processing and C# decoding match that port, not that either is right; the
/// checks against labelled truth are in <see cref="DetectorTruthTests"/>.
/// </summary>
public class DetectorReferenceTests
{
    private static ModelCatalog Catalog => ModelCatalog.Load(TestPaths.ModelsJson, TestPaths.SharedModels);

    [NeedsFact("scrfd_500m_kps.onnx", Dataset = "lfw")]
    public void Scrfd_agrees_with_our_javascript_port_within_half_a_pixel() => AgreesWithOurJavaScriptPort("scrfd_500m");

    [NeedsFact("retinaface_mnet025_640.onnx", Dataset = "lfw")]
    public void RetinaFace_agrees_with_our_javascript_port_within_half_a_pixel() => AgreesWithOurJavaScriptPort("retinaface_mnet025");

    [NeedsFact("faceplugin_fr_detect.onnx", "faceplugin_fr_landmark.onnx", Dataset = "lfw")]
    public void UltraFace_with_68_point_landmarks_agrees_with_our_javascript_port_within_half_a_pixel() => AgreesWithOurJavaScriptPort("ultraface");

    [NeedsFact("scrfd_500m_kps.onnx", Dataset = "lfw")]
    public void Scrfd_finds_an_upright_face_in_a_real_photo() => FindsUprightFace("scrfd_500m");

    [NeedsFact("retinaface_mnet025_640.onnx", Dataset = "lfw")]
    public void RetinaFace_finds_an_upright_face_in_a_real_photo() => FindsUprightFace("retinaface_mnet025");

    [NeedsFact("faceplugin_fr_detect.onnx", "faceplugin_fr_landmark.onnx", Dataset = "lfw")]
    public void UltraFace_finds_an_upright_face_in_a_real_photo() => FindsUprightFace("ultraface");

    [NeedsFact("scrfd_500m_kps.onnx", "retinaface_mnet025_640.onnx", "faceplugin_fr_detect.onnx", "faceplugin_fr_landmark.onnx")]
    public void Blank_images_have_no_faces()
    {
        foreach (var name in new[] { "scrfd_500m", "retinaface_mnet025", "ultraface" })
        {
            using var detector = FaceDetector.Open(OrtRuntime.Load(), Catalog, name);
            Assert.Empty(detector.Detect(RgbImage.Blank(300, 170)));
        }
    }

    private static void AgreesWithOurJavaScriptPort(string name)
    {
        var reference = ReferenceFixture.Detector(name);
        var options = new DetectorOptions(reference.GetProperty("scoreThreshold").GetSingle(), reference.GetProperty("nmsThreshold").GetSingle());
        using var detector = FaceDetector.Open(OrtRuntime.Load(), Catalog, name, options: options);
        var compared = 0;
        foreach (var photo in reference.GetProperty("photos").EnumerateArray())
        {
            var image = ImageDecoder.Decode(Path.Combine(TestPaths.Shared!, "datasets", photo.GetProperty("file").GetString()!));
            Assert.Equal(photo.GetProperty("pixelsSha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(image.Pixels)));
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

                float[] actualBox = [faces[f].X, faces[f].Y, faces[f].Width, faces[f].Height];
                for (var k = 0; k < 4; k++)
                {
                    Assert.InRange(actualBox[k], box[k] - 0.5f, box[k] + 0.5f);
                }

                var score = expected[f].GetProperty("score").GetSingle();
                Assert.InRange(faces[f].Score, score - 1e-3f, score + 1e-3f);
                compared++;
            }
        }

        Assert.True(compared >= 2);
    }

    private static void FindsUprightFace(string name)
    {
        // A photo the fixture does not use, shown at a size that forces resizing and padding.
        var image = ImageDecoder.Decode(Path.Combine(TestPaths.Shared!, "datasets", "lfw", "George_W_Bush", "George_W_Bush_0002.jpg"));
        image = ImageResizer.Resize(image, image.Width * 3 / 2, image.Height);
        using var detector = FaceDetector.Open(OrtRuntime.Load(), Catalog, name);
        var faces = detector.Detect(image);
        var face = faces.MinBy(f => Math.Pow(f.CenterX - image.Width / 2.0, 2) + Math.Pow(f.CenterY - image.Height / 2.0, 2));
        Assert.NotNull(face);
        Assert.True(face.Score >= detector.Options.ScoreThreshold);
        var l = face.Landmarks;
        var eyesY = (l[1] + l[3]) / 2;
        var mouthY = (l[7] + l[9]) / 2;
        Assert.True(eyesY + 0.15f * face.Height < mouthY, $"eyes at y={eyesY:F1} should be well above the mouth at y={mouthY:F1}");
        Assert.True(l[0] < l[2] && l[6] < l[8], "left eye and left mouth corner are left of their partners");
        Assert.InRange(l[4], Math.Min(l[0], l[2]), Math.Max(l[0], l[2]));
        for (var k = 0; k < 5; k++)
        {
            Assert.InRange(l[2 * k], face.X - 0.1f * face.Width, face.X + 1.1f * face.Width);
            Assert.InRange(l[2 * k + 1], face.Y - 0.1f * face.Height, face.Y + 1.1f * face.Height);
        }
    }
}
