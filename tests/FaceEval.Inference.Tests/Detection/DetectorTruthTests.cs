using FaceEval.Inference.Alignment;
using FaceEval.Inference.Detection;
using FaceEval.Inference.DetectionEval;
using FaceEval.Inference.Embedding;
using FaceEval.Imaging;
using FaceEval.Inference.Models;
using FaceEval.Inference.SnapshotBuilding;
using FaceEval.Inference.Runtime;
using Xunit.Abstractions;

namespace FaceEval.Inference.Tests.Detection;

/// <summary>
/// Detectors and the embedder against truth nobody here wrote: the hand-labelled face centres of
/// TSKinFace-FMSD, LFW's labelled subject (the face at the centre of each photo) and LFW's person folders.
/// The floors sit well below what the working models reach (printed) and far above what a broken decoder
/// (swapped x/y, a wrong anchor stride, mixed-up landmark order) or a broken alignment would give.
/// </summary>
public class DetectorTruthTests(ITestOutputHelper output)
{
    private const int LfwSample = 200;
    private const int LfwSeed = 12;

    // LFW thumbnails are 150x150 with the labelled person's face centred; the independent export in
    // ../shared/embeddings/lfw puts 99% of its subject boxes within 14 px of the centre.
    private const double LfwCentre = 75, LfwRadius = 20;

    private static ModelCatalog Catalog => ModelCatalog.Load(TestPaths.ModelsJson, TestPaths.SharedModels);

    [NeedsFact("yunet_s_dynamic.onnx", Dataset = "tskinface-fmsd")]
    public void Yunet_finds_the_labelled_family_faces() => FindsFamilyFaces("yunet");

    [NeedsFact("scrfd_500m_kps.onnx", Dataset = "tskinface-fmsd")]
    public void Scrfd_finds_the_labelled_family_faces() => FindsFamilyFaces("scrfd_500m");

    [NeedsFact("retinaface_mnet025_640.onnx", Dataset = "tskinface-fmsd")]
    public void RetinaFace_finds_the_labelled_family_faces() => FindsFamilyFaces("retinaface_mnet025");

    [NeedsFact("faceplugin_fr_detect.onnx", "faceplugin_fr_landmark.onnx", Dataset = "tskinface-fmsd")]
    public void UltraFace_finds_the_labelled_family_faces() => FindsFamilyFaces("ultraface");

    [NeedsFact("yunet_s_dynamic.onnx", Dataset = "lfw")]
    public void Yunet_finds_the_lfw_subject_with_plausible_landmarks() => FindsLfwSubjects("yunet");

    [NeedsFact("scrfd_500m_kps.onnx", Dataset = "lfw")]
    public void Scrfd_finds_the_lfw_subject_with_plausible_landmarks() => FindsLfwSubjects("scrfd_500m");

    [NeedsFact("retinaface_mnet025_640.onnx", Dataset = "lfw")]
    public void RetinaFace_finds_the_lfw_subject_with_plausible_landmarks() => FindsLfwSubjects("retinaface_mnet025");

    [NeedsFact("faceplugin_fr_detect.onnx", "faceplugin_fr_landmark.onnx", Dataset = "lfw")]
    public void UltraFace_finds_the_lfw_subject_with_plausible_landmarks() => FindsLfwSubjects("ultraface");

    [NeedsFact("yunet_s_dynamic.onnx", "arcface_w600k_mbf_int8.onnx", Dataset = "lfw")]
    public void Arcface_separates_same_person_from_different_person_lfw_pairs()
    {
        var runtime = OrtRuntime.Load();
        using var detector = FaceDetector.Open(runtime, Catalog, "yunet");
        using var embedder = FaceEmbedder.Open(runtime, Catalog, "arcface_w600k_mbf_int8");
        var template = Catalog.TemplateFor(embedder.Spec);

        // A seeded sample of people with at least two photos; same pairs within a person, different pairs across.
        var lfw = Path.Combine(TestPaths.Shared!, "datasets", "lfw");
        var random = new Random(LfwSeed);
        var people = Directory.GetDirectories(lfw).Order(StringComparer.Ordinal)
            .Select(d => Directory.GetFiles(d, "*.jpg").Order(StringComparer.Ordinal).ToArray())
            .Where(f => f.Length >= 2).ToArray();
        var chosen = people.OrderBy(_ => random.Next()).Take(100).Select(f => f.OrderBy(_ => random.Next()).Take(2).ToArray()).ToArray();
        var files = chosen.SelectMany(f => f).ToArray();

        var crops = new List<RgbImage>();
        var missing = 0;
        foreach (var file in files)
        {
            var image = ImageDecoder.Decode(file);
            var face = Subject(detector.Detect(image), image);
            missing += face is null ? 1 : 0;
            // A photo without a found subject still takes part (as a blank crop): the AUC floor then also covers detection.
            crops.Add(face is null ? RgbImage.Blank(embedder.Width, embedder.Height) : FaceAligner.Align(image, face.Landmarks, template));
        }

        var embeddings = embedder.Embed(crops);
        var vectors = Enumerable.Range(0, files.Length).Select(i => Unit(embeddings.Row(i).ToArray())).ToArray();
        var same = Enumerable.Range(0, chosen.Length).Select(p => Cosine(vectors[2 * p], vectors[2 * p + 1])).ToList();
        var different = Enumerable.Range(0, chosen.Length)
            .Select(p => Cosine(vectors[2 * p], vectors[2 * ((p + 1 + random.Next(chosen.Length - 1)) % chosen.Length) + 1])).ToList();
        var auc = Auc(same, different);
        output.WriteLine($"arcface on {same.Count} same / {different.Count} different LFW pairs: AUC {auc:F4}; subject not found in {missing} of {files.Length} photos");
        Assert.True(auc >= 0.97, $"AUC {auc:F4} below 0.97");
    }

    private void FindsFamilyFaces(string name)
    {
        var root = Path.Combine(TestPaths.Shared!, "datasets", "tskinface-fmsd");
        using var detector = FaceDetector.Open(OrtRuntime.Load(), Catalog, name);
        var result = DetectionEvaluator.Evaluate(Path.Combine(root, "photos"), Path.Combine(root, "faces.csv"), new DetectorFinder(detector), workers: 2);
        output.WriteLine($"{name} on TSKinFace-FMSD: {result.Photos} photos, recall {result.Recall:F4} ({result.Matched}/{result.TruthFaces}), precision {result.Precision:F4} ({result.Matched}/{result.Detections})");
        Assert.Empty(result.Skipped);
        Assert.True(result.TruthFaces >= 600, $"only {result.TruthFaces} labelled faces read");
        Assert.True(result.Recall >= 0.95, $"recall {result.Recall:F4} below 0.95");
        // Unlabelled bystanders count against precision, so its floor is lower.
        Assert.True(result.Precision >= 0.8, $"precision {result.Precision:F4} below 0.8");
    }

    private void FindsLfwSubjects(string name)
    {
        var lfw = Path.Combine(TestPaths.Shared!, "datasets", "lfw");
        var all = Directory.GetFiles(lfw, "*.jpg", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(lfw, f)).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(LfwSeed);
        var sample = all.OrderBy(_ => random.Next()).Take(LfwSample).ToArray();
        using var detector = FaceDetector.Open(OrtRuntime.Load(), Catalog, name);
        int detections = 0, found = 0;

        // The labelled subject is found, and its landmarks are plausible for an upright photo: eyes above the
        // nose above the mouth, the image-left eye and mouth corner left of their partners, eyes apart by a
        // plausible share of the box width.
        var implausible = new List<string>();
        foreach (var photo in sample)
        {
            var image = ImageDecoder.Decode(Path.Combine(lfw, photo));
            var faces = detector.Detect(image);
            detections += faces.Count;
            var match = DetectionMatcher.Match([new TruthFace(photo, "subject", LfwCentre, LfwCentre, LfwRadius)], faces);
            if (match[0] < 0)
            {
                continue;
            }

            found++;
            var face = faces[match[0]];
            var l = face.Landmarks;
            var eyesY = (l[1] + l[3]) / 2;
            var mouthY = (l[7] + l[9]) / 2;
            var interOcular = Math.Sqrt(Math.Pow(l[2] - l[0], 2) + Math.Pow(l[3] - l[1], 2)) / face.Width;
            var reasons = new List<string>();
            if (!(eyesY < l[5] && l[5] < mouthY))
            {
                reasons.Add($"eyes y {eyesY:F1}, nose y {l[5]:F1}, mouth y {mouthY:F1}");
            }

            if (!(l[0] < l[2] && l[6] < l[8]))
            {
                reasons.Add("left/right swapped");
            }

            if (interOcular is < 0.2 or > 0.7)
            {
                reasons.Add($"inter-ocular {interOcular:F2} of the box width");
            }

            if (reasons.Count > 0)
            {
                implausible.Add($"{photo}: {string.Join("; ", reasons)}");
            }
        }

        var (recall, precision) = ((double)found / sample.Length, detections == 0 ? 0 : (double)found / detections);
        output.WriteLine($"{name} on {sample.Length} LFW photos: recall {recall:F4} ({found}/{sample.Length}), precision {precision:F4} ({found}/{detections}); " +
            $"{implausible.Count} subjects with implausible landmarks{(implausible.Count > 0 ? ", e.g. " + implausible[0] : "")}");
        Assert.True(recall >= 0.95, $"recall {recall:F4} below 0.95");
        // LFW photos often show a second, smaller face in the background, so precision only says "mostly one face per photo".
        Assert.True(precision >= 0.7, $"precision {precision:F4} below 0.7");
        Assert.True(implausible.Count <= 0.03 * found, $"{implausible.Count} of {found} implausible: {string.Join(" | ", implausible.Take(5))}");
    }

    /// <summary>The detection whose box centre is nearest the photo's centre, if within <see cref="LfwRadius"/> of it (scaled to the photo).</summary>
    private static DetectedFace? Subject(IReadOnlyList<DetectedFace> faces, RgbImage image)
    {
        var (cx, cy) = (image.Width / 2.0, image.Height / 2.0);
        var face = faces.MinBy(f => Math.Pow(f.CenterX - cx, 2) + Math.Pow(f.CenterY - cy, 2));
        var radius = LfwRadius * image.Width / (2 * LfwCentre);
        return face is not null && Math.Pow(face.CenterX - cx, 2) + Math.Pow(face.CenterY - cy, 2) <= radius * radius ? face : null;
    }

    private static float[] Unit(float[] v)
    {
        var norm = Math.Sqrt(v.Sum(x => (double)x * x));
        return norm > 0 ? v.Select(x => (float)(x / norm)).ToArray() : v;
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);

    /// <summary>Mann-Whitney: the probability that a same-person pair scores above a different-person pair (ties half).</summary>
    private static double Auc(IReadOnlyList<double> positives, IReadOnlyList<double> negatives)
    {
        double wins = 0;
        foreach (var p in positives)
        {
            foreach (var n in negatives)
            {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }

        return wins / (positives.Count * negatives.Count);
    }
}
