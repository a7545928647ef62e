using FaceEval.Inference.SnapshotBuilding;

namespace FaceEval.Inference.Tests.SnapshotBuilding;

public class FaceTableTests
{
    /// <summary>The faces.csv header of a built snapshot, as README and earlier snapshots have it.</summary>
    [Fact]
    public void ABuiltSnapshotHasTheDocumentedColumnsInOrder()
    {
        string[] landmarks = ["lm0x", "lm0y", "lm1x", "lm1y", "lm2x", "lm2y", "lm3x", "lm3y", "lm4x", "lm4y"];
        string[] tail = ["x", "y", "w", "h", "det_score", .. landmarks, "sharpness", "crop", "crop_template"];

        Assert.Equal(["face_id", "person", "photo", "file", .. tail], FaceTable.Columns(withFamily: false));
        Assert.Equal(["face_id", "person", "photo", "file", "family", .. tail], FaceTable.Columns(withFamily: true));
    }
}
