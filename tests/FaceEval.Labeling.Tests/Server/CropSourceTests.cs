using FaceEval.Core.Snapshots;
using FaceEval.Imaging;
using FaceEval.Labeling.Server;

namespace FaceEval.Labeling.Tests.Server;

public sealed class CropSourceTests
{
    /// <summary>
    /// A 64x48 blue photo under an images root; face a2 has the box (8, 8, 16, 16) in it, face bO a
    /// file path that leaves the images root, face a3 no file.
    /// </summary>
    private static Snapshot PhotoSnapshot(TempDirectory dir)
    {
        var images = dir.Sub("images");
        Directory.CreateDirectory(images);
        var photo = RgbImage.Blank(64, 48);
        for (var i = 0; i < photo.Pixels.Length; i += 3)
        {
            photo.Pixels[i + 2] = 200;
        }

        File.WriteAllBytes(Path.Combine(images, "photo.jpg"), JpegEncoder.Encode(photo));
        File.WriteAllBytes(dir.Sub("outside.jpg"), JpegEncoder.Encode(photo));
        string[] columns = ["face_id", "person", "photo", "file", "x", "y", "w", "h"];
        var rows = LabelFixture.Faces.Select((f, i) => (IReadOnlyList<string>)(f.Id switch
        {
            "a2" => [f.Id, f.Person ?? "", "p", "photo.jpg", "8", "8", "16", "16"],
            "bO" => [f.Id, f.Person ?? "", "q", "../outside.jpg", "8", "8", "16", "16"],
            _ => [f.Id, f.Person ?? "", $"p{i}", "", "", "", "", ""],
        })).ToArray();
        var embedding = new SnapshotEmbedding("toy", LabelFixture.Faces.SelectMany(f => f.Vector).ToArray(), LabelFixture.Dimension, "test");
        return SnapshotWriter.Write(new SnapshotContent(columns, rows, [embedding], [], "crop tests") { ImagesRoot = images }, dir.Sub("snap"));
    }

    [Fact]
    public void Without_a_stored_crop_the_box_is_cut_from_the_photo_with_a_margin()
    {
        using var dir = new TempDirectory();
        var snapshot = PhotoSnapshot(dir);
        var source = new CropSource(snapshot);
        var crop = source.Get(snapshot.IndexOf("a2"))!.Value;
        Assert.Equal("image/jpeg", crop.ContentType);
        var image = ImageDecoder.Decode(crop.Bytes, "crop");
        Assert.Equal((24, 24), (image.Width, image.Height)); // 16 px box + 25 % on each side

        var photo = ImageDecoder.Decode(source.Photo(snapshot.IndexOf("a2"))!, "photo");
        Assert.Equal((64, 48), (photo.Width, photo.Height));
        Assert.True(photo.Pixels[(8 * 64 + 16) * 3] > 150, "the box's top edge is drawn in orange");
        Assert.True(photo.Pixels[(30 * 64 + 40) * 3] < 60 && photo.Pixels[(30 * 64 + 40) * 3 + 2] > 150, "away from the box the photo is blue");
    }

    [Fact]
    public void Paths_leaving_the_images_root_or_missing_files_give_nothing()
    {
        using var dir = new TempDirectory();
        var snapshot = PhotoSnapshot(dir);
        var source = new CropSource(snapshot);
        Assert.Null(source.Get(snapshot.IndexOf("bO")));
        Assert.Null(source.Photo(snapshot.IndexOf("bO")));
        Assert.Null(source.Get(snapshot.IndexOf("a3")));
    }
}
