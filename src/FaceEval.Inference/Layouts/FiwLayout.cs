using System.Globalization;
using System.Text.RegularExpressions;
using FaceEval.Core.Snapshots;

namespace FaceEval.Inference.Layouts;

/// <summary>
/// Families In the Wild: person = &lt;FID&gt;/MID&lt;n&gt;, photo = &lt;FID&gt;/P##### (FIW numbers photos per
/// family), files of &lt;FID&gt;/unrelated_and_nonfaces/ unlabelled. Relations come from &lt;FID&gt;/mid.csv,
/// whose cell (row i, column j) says what member i is to member j: 1 child, 2 sibling, 3 grandchild,
/// 4 parent, 5 spouse, 6 grandparent; written parent/grandparent first, symmetric ones once.
/// </summary>
internal static partial class FiwLayout
{
    public const string DistractorFolder = "unrelated_and_nonfaces";
    public const string MidFile = "mid.csv";

    public static LayoutScan Scan(string root)
    {
        var entries = new List<PhotoEntry>();
        var relations = new List<Relation>();
        var warnings = new List<string>();
        foreach (var file in ImageFiles.Under(root))
        {
            var parts = file.Split('/');
            if (parts.Length != 3)
            {
                warnings.Add($"{file}: not <family>/<member>/<file>, left out");
                continue;
            }

            var family = parts[0];
            var match = PhotoRegex().Match(parts[2]);
            var photo = $"{family}/{(match.Success ? match.Value : Path.GetFileNameWithoutExtension(parts[2]))}";
            var person = parts[1] == DistractorFolder ? null : $"{family}/{parts[1]}";
            entries.Add(new PhotoEntry(file, photo, person, family));
        }

        foreach (var family in entries.Select(e => e.Family!).Distinct(StringComparer.Ordinal))
        {
            var mid = Path.Combine(root, family, MidFile);
            if (File.Exists(mid))
            {
                relations.AddRange(ReadMid(mid, family));
            }
            else
            {
                warnings.Add($"{family}: no {MidFile}, no relations");
            }
        }

        return new LayoutScan(entries, relations, warnings);
    }

    /// <summary>The relations of one family's matrix, each once.</summary>
    public static List<Relation> ReadMid(string path, string family)
    {
        var rows = CsvRows.Read(path, "MID");
        var seen = new HashSet<(string, string, string)>();
        var result = new List<Relation>();
        foreach (var row in rows)
        {
            if (!int.TryParse(row["MID"], NumberStyles.None, CultureInfo.InvariantCulture, out var i))
            {
                continue;
            }

            foreach (var (column, cell) in row)
            {
                if (!int.TryParse(column, NumberStyles.None, CultureInfo.InvariantCulture, out var j) || i == j)
                {
                    continue;
                }

                string a = $"{family}/MID{i}", b = $"{family}/MID{j}";
                (string, string, string)? relation = cell switch
                {
                    "1" => (b, a, "parent-child"),
                    "4" => (a, b, "parent-child"),
                    "3" => (b, a, "grandparent-grandchild"),
                    "6" => (a, b, "grandparent-grandchild"),
                    "2" => i < j ? (a, b, "sibling") : (b, a, "sibling"),
                    "5" => i < j ? (a, b, "spouse") : (b, a, "spouse"),
                    _ => null,
                };
                if (relation is { } r && seen.Add(r))
                {
                    result.Add(new Relation(r.Item1, r.Item2, r.Item3));
                }
            }
        }

        return result;
    }

    [GeneratedRegex("^P[0-9]+")]
    private static partial Regex PhotoRegex();
}
