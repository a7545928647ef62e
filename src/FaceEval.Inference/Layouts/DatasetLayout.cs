using FaceEval.Core.Errors;
using FaceEval.Core.Snapshots;

namespace FaceEval.Inference.Layouts;

/// <summary>Reads a photo folder in one of the <see cref="LayoutKind"/>s, then applies label and relation files.</summary>
public static class DatasetLayout
{
    /// <param name="labelsCsv">Optional CSV with file (relative to <paramref name="root"/>) and person: overrides the layout's label (empty person = unlabelled).</param>
    /// <param name="relationsCsv">Optional CSV with person_a, person_b, relation: added to the layout's relations.</param>
    public static LayoutScan Scan(string root, LayoutKind kind, string? labelsCsv = null, string? relationsCsv = null)
    {
        if (!Directory.Exists(root))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"{root}: no such images directory");
        }

        var scan = kind switch
        {
            LayoutKind.Folders => FolderLayout.Scan(root, withRelatives: false),
            LayoutKind.Lfw => FolderLayout.Scan(root, withRelatives: true),
            LayoutKind.Fiw => FiwLayout.Scan(root),
            _ => throw new FaceEvalException(ErrorKind.Usage, $"unknown layout {kind}"),
        };

        var entries = scan.Entries;
        var warnings = scan.Warnings.ToList();
        if (labelsCsv is not null)
        {
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in CsvRows.Read(labelsCsv, "file", "person"))
            {
                labels[row["file"].Replace('\\', '/')] = row["person"];
            }

            var known = entries.Select(e => e.File).ToHashSet(StringComparer.Ordinal);
            var unknown = labels.Keys.Count(f => !known.Contains(f));
            if (unknown > 0)
            {
                warnings.Add($"{unknown} file(s) of {labelsCsv} are not images under {root}");
            }

            entries = entries.Select(e => labels.TryGetValue(e.File, out var p) ? e with { Person = p.Length == 0 ? null : p } : e).ToList();
        }

        var relations = scan.Relations.ToList();
        if (relationsCsv is not null)
        {
            relations.AddRange(RelationFiles.Read(relationsCsv));
        }

        var distinct = relations.DistinctBy(r => (r.PersonA, r.PersonB, r.Type)).ToList();
        if (entries.Count == 0)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{root}: no image files");
        }

        return new LayoutScan(entries, distinct, warnings);
    }
}
