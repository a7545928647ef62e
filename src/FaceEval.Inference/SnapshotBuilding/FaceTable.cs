using System.Globalization;
using FaceEval.Core.Snapshots;
using FaceEval.Inference.Layouts;

namespace FaceEval.Inference.SnapshotBuilding;

/// <summary>The faces.csv columns a built snapshot has (named by <see cref="SnapshotLayout"/>), and one face's row.</summary>
internal static class FaceTable
{
    public static string[] Columns(bool withFamily) =>
    [
        .. SnapshotLayout.RequiredFaceColumns, SnapshotLayout.FileColumn, .. withFamily ? new[] { SnapshotLayout.FamilyColumn } : [],
        .. SnapshotLayout.BoxColumns, SnapshotLayout.DetectionScoreColumn,
        .. SnapshotLayout.LandmarkColumns,
        SnapshotLayout.SharpnessColumn, SnapshotLayout.CropColumn, SnapshotLayout.CropTemplateColumn,
    ];

    public static string[] Row(int id, string? person, PhotoEntry entry, FaceRecord face, bool withFamily, string crop, string template)
    {
        var values = new List<string> { Format(id), person ?? "", entry.Photo, entry.File };
        if (withFamily)
        {
            values.Add(entry.Family ?? "");
        }

        values.AddRange([Format(face.X), Format(face.Y), Format(face.W), Format(face.H), face.Score.ToString("0.#####", CultureInfo.InvariantCulture)]);
        values.AddRange(face.Landmarks.Select(Format));
        values.AddRange([face.Sharpness.ToString("0.##", CultureInfo.InvariantCulture), crop, template]);
        return values.ToArray();
    }

    private static string Format(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Format(float v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
