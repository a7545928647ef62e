using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;
using FaceEval.Imaging;
using FaceEval.Inference.Layouts;
using FaceEval.Inference.Tests.SnapshotBuilding;

namespace FaceEval.Inference.Tests.Layouts;

public sealed class LayoutTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "faceeval-layout-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Jpeg(string relative)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, JpegEncoder.Encode(SquareFaces.Image(64, 64, (0, 16, 16, 32))));
    }

    private void Text(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Folders_take_the_person_from_the_first_level_at_any_depth()
    {
        Jpeg("Ann/a1.jpg");
        Jpeg("Ann/holiday/2019/a2.jpg");
        Jpeg("Bob/b1.jpg");
        Jpeg("loose.jpg");
        Text("Bob/notes.txt", "not an image");
        Jpeg(".hidden/x.jpg");

        var scan = DatasetLayout.Scan(_root, LayoutKind.Folders);
        Assert.Equal(
            [
                new PhotoEntry("Ann/a1.jpg", "Ann/a1", "Ann", null),
                new PhotoEntry("Ann/holiday/2019/a2.jpg", "Ann/holiday/2019/a2", "Ann", null),
                new PhotoEntry("Bob/b1.jpg", "Bob/b1", "Bob", null),
                new PhotoEntry("loose.jpg", "loose", null, null),
            ],
            scan.Entries);
        Assert.Empty(scan.Relations);
    }

    [Fact]
    public void Lfw_reads_relatives_and_labels_and_relations_files_override_and_add()
    {
        Jpeg("Ann/a1.jpg");
        Jpeg("Bob/b1.jpg");
        Jpeg("Cy/c1.jpg");
        Text("relatives.csv", "person_a,person_b,relation,n_images_a\nAnn,Bob,sibling,1\n");
        Text("labels.csv", "file,person\nCy/c1.jpg,Ann\nBob/b1.jpg,\n");
        var labels = Path.Combine(_root, "labels.csv");
        Text("extra.csv", "person_a,person_b,relation\nAnn,Cy,spouse\nAnn,Bob,sibling\n");
        Assert.Equal([new Relation("Ann", "Bob", "sibling")], DatasetLayout.Scan(_root, LayoutKind.Lfw).Relations);
        Assert.Empty(DatasetLayout.Scan(_root, LayoutKind.Folders).Relations);

        var scan = DatasetLayout.Scan(_root, LayoutKind.Lfw, labels, Path.Combine(_root, "extra.csv"));
        Assert.Equal(["Ann", null, "Ann"], scan.Entries.Select(e => e.Person));
        Assert.Equal([new Relation("Ann", "Bob", "sibling"), new Relation("Ann", "Cy", "spouse")], scan.Relations);
    }

    [Fact]
    public void Fiw_keys_photos_by_family_reads_mid_csv_parent_first_and_leaves_distractors_unlabelled()
    {
        Jpeg("F0001/MID1/P00001_face0.jpg");
        Jpeg("F0001/MID3/P00001_face2.jpg");
        Jpeg("F0001/unrelated_and_nonfaces/P00001_face5.jpg");
        Jpeg("F0002/MID1/P00001_face0.jpg");
        // Row i, column j: what member i is to member j (4 parent, 1 child, 2 sibling, 5 spouse, 6 grandparent, 3 grandchild).
        Text("F0001/mid.csv", "MID,1,2,3,4,Name,Gender\n1,0,5,4,6,a,m\n2,5,0,4,0,b,f\n3,1,1,0,2,c,m\n4,3,0,2,0,d,m\n");
        Text("F0002/mid.csv", "MID,1,Name,Gender\n1,0,x,f\n");

        var scan = DatasetLayout.Scan(_root, LayoutKind.Fiw);
        Assert.Equal(
            [
                new PhotoEntry("F0001/MID1/P00001_face0.jpg", "F0001/P00001", "F0001/MID1", "F0001"),
                new PhotoEntry("F0001/MID3/P00001_face2.jpg", "F0001/P00001", "F0001/MID3", "F0001"),
                new PhotoEntry("F0001/unrelated_and_nonfaces/P00001_face5.jpg", "F0001/P00001", null, "F0001"),
                new PhotoEntry("F0002/MID1/P00001_face0.jpg", "F0002/P00001", "F0002/MID1", "F0002"),
            ],
            scan.Entries);
        Assert.Equal(
            new[]
            {
                new Relation("F0001/MID1", "F0001/MID2", "spouse"),
                new Relation("F0001/MID1", "F0001/MID3", "parent-child"),
                new Relation("F0001/MID1", "F0001/MID4", "grandparent-grandchild"),
                new Relation("F0001/MID2", "F0001/MID3", "parent-child"),
                new Relation("F0001/MID3", "F0001/MID4", "sibling"),
            }.OrderBy(r => r.ToString()),
            scan.Relations.OrderBy(r => r.ToString()));
    }

    [Fact]
    public void A_missing_folder_or_an_empty_one_is_an_error()
    {
        Assert.Equal(ErrorKind.FileNotFound, Assert.Throws<FaceEvalException>(() => DatasetLayout.Scan(Path.Combine(_root, "nope"), LayoutKind.Folders)).Kind);
        Text("only.csv", "a\n");
        Assert.Equal(ErrorKind.InvalidData, Assert.Throws<FaceEvalException>(() => DatasetLayout.Scan(_root, LayoutKind.Folders)).Kind);
    }
}
