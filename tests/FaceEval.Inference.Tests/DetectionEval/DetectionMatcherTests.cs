using FaceEval.Inference.Detection;
using FaceEval.Inference.DetectionEval;

namespace FaceEval.Inference.Tests.DetectionEval;

public class DetectionMatcherTests
{
    private static DetectedFace Box(float cx, float cy, float side = 20) => new(cx - side / 2, cy - side / 2, side, side, 0.9f, new float[10]);

    private static TruthFace Truth(double x, double y, double r) => new("p.jpg", "F", x, y, r);

    [Fact]
    public void A_detection_matches_when_its_centre_is_within_the_radius_inclusive()
    {
        Assert.Equal([0], DetectionMatcher.Match([Truth(100, 100, 10)], [Box(110, 100)]));
        Assert.Equal([-1], DetectionMatcher.Match([Truth(100, 100, 10)], [Box(110.5f, 100)]));
        Assert.Equal([-1], DetectionMatcher.Match([Truth(100, 100, 10)], []));
    }

    [Fact]
    public void Closest_pairs_are_matched_first_one_to_one()
    {
        // Detection 0 is 4 px from face A and 6 px from face B; detection 1 is 9 px from B only.
        var truth = new[] { Truth(100, 100, 10), Truth(110, 100, 10) };
        var detections = new[] { Box(104, 100), Box(119, 100) };
        Assert.Equal([0, 1], DetectionMatcher.Match(truth, detections));

        // One detection between two faces serves only the nearer one.
        Assert.Equal([-1, 0], DetectionMatcher.Match(truth, [Box(106, 100)]));

        // Greedy by distance, not by truth order: B takes its 1 px detection although A asked first.
        var faces = new[] { Truth(100, 100, 20), Truth(115, 100, 20) };
        Assert.Equal([1, 0], DetectionMatcher.Match(faces, [Box(116, 100), Box(95, 100)]));
    }

    [Fact]
    public void Two_detections_of_one_face_count_one_match_and_one_false_positive()
    {
        var match = DetectionMatcher.Match([Truth(50, 50, 15)], [Box(52, 50), Box(48, 50)]);
        Assert.Single(match);
        Assert.Equal(0, match[0]);
    }
}
