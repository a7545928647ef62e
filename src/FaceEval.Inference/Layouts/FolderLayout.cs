using FaceEval.Core.Snapshots;

namespace FaceEval.Inference.Layouts;

/// <summary><see cref="LayoutKind.Folders"/> and <see cref="LayoutKind.Lfw"/>: one photo per file, the first folder level names the person.</summary>
internal static class FolderLayout
{
    public const string RelativesFile = "relatives.csv";

    public static LayoutScan Scan(string root, bool withRelatives)
    {
        var entries = ImageFiles.Under(root)
            .Select(file =>
            {
                var slash = file.IndexOf('/');
                var person = slash < 0 ? null : file[..slash];
                return new PhotoEntry(file, Path.ChangeExtension(file, null), person, null);
            })
            .ToList();

        var relations = new List<Relation>();
        var relatives = Path.Combine(root, RelativesFile);
        if (withRelatives && File.Exists(relatives))
        {
            relations.AddRange(RelationFiles.Read(relatives));
        }

        return new LayoutScan(entries, relations, []);
    }
}
