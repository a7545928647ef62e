using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Snapshots;

/// <summary>
/// File names, column names and the content-derived id: the parts of the snapshot format every reader
/// and writer shares, and the one place that names them.
/// </summary>
public static partial class SnapshotLayout
{
    public const string ManifestFile = "manifest.json";
    public const string FacesFile = "faces.csv";
    public const string PeopleFile = "people.csv";
    public const string RelationsFile = "relations.csv";
    public const string EmbeddingsFolder = "embeddings";
    public const string CropsFolder = "crops";

    public const string FaceIdColumn = "face_id";
    public const string PersonColumn = "person";
    public const string PhotoColumn = "photo";
    public const string TakenAtColumn = "taken_at";
    public const string FacesCountColumn = "faces";
    public const string PersonAColumn = "person_a";
    public const string PersonBColumn = "person_b";
    public const string RelationColumn = "relation";

    // Optional faces.csv columns: a built snapshot has all of them, an imported one what its export had.

    /// <summary>The photo's path under the images root, for cutting crops from the photo.</summary>
    public const string FileColumn = "file";

    /// <summary>FIW's family folder, part of a photo's identity there.</summary>
    public const string FamilyColumn = "family";

    /// <summary>The face's stored crop, a path relative to the snapshot (<c>crops/...</c>).</summary>
    public const string CropColumn = "crop";

    /// <summary>The alignment template the stored crop was cut with.</summary>
    public const string CropTemplateColumn = "crop_template";

    public const string DetectionScoreColumn = "det_score";
    public const string SharpnessColumn = "sharpness";

    /// <summary>Face box in photo pixels: left, top, width, height.</summary>
    public static readonly string[] BoxColumns = ["x", "y", "w", "h"];

    /// <summary>The five alignment landmarks (eyes, nose, mouth corners), x then y of each.</summary>
    public static readonly string[] LandmarkColumns = Enumerable.Range(0, 5).SelectMany(i => new[] { $"lm{i}x", $"lm{i}y" }).ToArray();

    public static readonly string[] RequiredFaceColumns = [FaceIdColumn, PersonColumn, PhotoColumn];
    public static readonly string[] PeopleColumns = [PersonColumn, FacesCountColumn];
    public static readonly string[] RelationColumns = [PersonAColumn, PersonBColumn, RelationColumn];

    /// <summary>Folders whose every file must be listed in the manifest.</summary>
    public static readonly string[] ClosedFolders = [EmbeddingsFolder, CropsFolder];

    public static string EmbeddingFile(string model) => $"{EmbeddingsFolder}/{model}.npy";

    /// <summary>The <see cref="CropColumn"/> value of a crop stored as <paramref name="name"/> in <see cref="CropsFolder"/>.</summary>
    public static string CropFile(string name) => $"{CropsFolder}/{name}";

    /// <summary>
    /// First 16 hex digits of the sha256 of the sorted "path sha256" lines: the same files give the
    /// same id whenever and wherever they were written.
    /// </summary>
    public static string ComputeId(IReadOnlyDictionary<string, string> files)
    {
        var text = new StringBuilder();
        foreach (var (path, hash) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(path).Append(' ').Append(hash).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    public static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The full path when it lies strictly inside <paramref name="root"/>, else null.</summary>
    public static string? Inside(string root, string path)
    {
        var fullRoot = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(path);
        return full.StartsWith(fullRoot, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>Model names become file names, so only a conservative character set is allowed.</summary>
    public static bool IsSafeModelName(string name) => name.Length <= 100 && SafeName().IsMatch(name);

    public static void CheckModelName(string name)
    {
        if (!IsSafeModelName(name))
        {
            throw new FaceEvalException(ErrorKind.InvalidData,
                $"model name '{name}' is not a safe file name: use letters, digits, '.', '_' and '-', starting with a letter or digit (at most 100)");
        }
    }

    /// <summary>Relative '/'-separated path of <paramref name="file"/> inside <paramref name="root"/>.</summary>
    public static string Relative(string root, string file) =>
        Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex SafeName();
}
