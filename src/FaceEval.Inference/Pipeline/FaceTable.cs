using System.Globalization;
using FaceEval.Inference.Layouts;

namespace FaceEval.Inference.Pipeline;

/// <summary>The faces.csv columns a built snapshot has, and one face's row.</summary>
internal static class FaceTable
{
    public const string CropColumn = "crop";
    public const string CropTemplateColumn = "crop_template";

    public static string[] Columns(bool withFamily) =>
    [
        "face_id", "person", "photo", "file", .. withFamily ? new[] { "family" } : [],
        "x", "y", "w", "h", "det_score",
        "lm0x", "lm0y", "lm1x", "lm1y", "lm2x", "lm2y", "lm3x", "lm3y", "lm4x", "lm4y",
        "sharpness", CropColumn, CropTemplateColumn,
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
