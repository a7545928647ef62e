using FaceEval.Core.Embeddings;
using FaceEval.Core.Snapshots;
using FaceEval.Labeling.Editing;

namespace FaceEval.Labeling.Tests;

/// <summary>
/// Hand-made 6-d faces of five people, designed (and checked by hand with numpy) so that each queue
/// has a known membership with the default options: aX (labelled A) lies next to B's faces; bO and bP
/// are B's outliers (bO worst); cG has B within the gate; dS is almost as close to E as to D (a sibling
/// case, 0.04 apart); u1, u2, u3 are unlabelled and nearest to A, B, C.
/// </summary>
internal static class LabelFixture
{
    public static readonly string[] People = ["A", "B", "C", "D", "E"];

    public static readonly (string Id, string? Person, float[] Vector)[] Faces =
    [
        ("a1", "A", [1, 0, 0, 0, 0, 0]), ("a2", "A", [1, 0, 0, 0, 0, 0]), ("a3", "A", [1, 0, 0, 0, 0, 0]), ("aX", "A", [0.2f, 1, 0, 0, 0, 0]),
        ("b1", "B", [0, 1, 0, 0, 0, 0]), ("b2", "B", [0, 1, 0, 0, 0, 0]), ("b3", "B", [0, 1, 0, 0, 0, 0]), ("bO", "B", [0, 1, 0, 4, 0, 0]),
        ("bP", "B", [0, 1, 0, -1.6f, 0, 0]), ("b4", "B", [0, 1, 0, 0, 0, 0]),
        ("c1", "C", [0, 0, 1, 0, 0, 0]), ("c2", "C", [0, 0, 1, 0, 0, 0]), ("c3", "C", [0, 0, 1, 0, 0, 0]), ("cG", "C", [0, 0.95f, 1, 0, 0, 0]),
        ("d1", "D", [0, 0, 0, 0, 1, 0]), ("d2", "D", [0, 0, 0, 0, 1, 0]), ("d3", "D", [0, 0, 0, 0, 1, 0]), ("dS", "D", [0, 0, 0, 0, 1, 1.15f]),
        ("e1", "E", [0, 0, 0, 0, 0, 1]), ("e2", "E", [0, 0, 0, 0, 0, 1]), ("e3", "E", [0, 0, 0, 0, 0, 1]),
        ("u1", null, [1, 0.1f, 0, 0, 0, 0]), ("u2", null, [0.05f, 1, 0, 0, 0, 0]), ("u3", null, [0, 0, 1, 0.05f, 0, 0]),
    ];

    public const int Dimension = 6;

    public static LabelInput Input()
    {
        var data = Faces.SelectMany(f => f.Vector).ToArray();
        var persons = Faces.Select(f => f.Person is null ? -1 : Array.IndexOf(People, f.Person)).ToArray();
        return new LabelInput(Faces.Select(f => f.Id).ToArray(), People, persons, EmbeddingMatrix.FromRowMajor(data, Faces.Length, Dimension));
    }

    public static LabelState State() => new(Input(), new LabelOptions());

    public static string[] Ids(IEnumerable<FaceView> faces) => faces.Select(f => f.Id).ToArray();

    /// <summary>Everything a user can see, as text, to compare two states.</summary>
    public static string Describe(LabelState state)
    {
        var text = new System.Text.StringBuilder();
        text.AppendJoin(",", state.Labels().Select(l => l ?? "-")).AppendLine();
        foreach (var p in state.People())
        {
            text.AppendLine(System.Text.Json.JsonSerializer.Serialize(p));
            foreach (var kind in Enum.GetValues<QueueKind>())
            {
                text.Append(kind).Append(':').AppendLine(System.Text.Json.JsonSerializer.Serialize(state.Queue(p.Id, kind)));
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes the fixture as a real snapshot (model "toy", photos p0.., one per face) under
    /// <paramref name="directory"/>. With <paramref name="crops"/>, face a1 gets a stored crop and bO a
    /// crop path that points outside crops/ (a hostile snapshot row).
    /// </summary>
    public static Snapshot WriteSnapshot(string directory, string? crops = null)
    {
        string[] columns = crops is null ? ["face_id", "person", "photo"] : ["face_id", "person", "photo", "crop"];
        var rows = Faces.Select((f, i) => (IReadOnlyList<string>)(crops is null
            ? [f.Id, f.Person ?? "", $"p{i}"]
            : [f.Id, f.Person ?? "", $"p{i}", f.Id switch { "a1" => "crops/a1.jpg", "bO" => "../manifest.json", _ => "" }])).ToArray();
        var embedding = new SnapshotEmbedding("toy", Faces.SelectMany(f => f.Vector).ToArray(), Dimension, "hand-made test vectors");
        var content = new SnapshotContent(columns, rows, [embedding], [new Relation("D", "E", "sibling"), new Relation("A", "C", "parent-child")], "label tests")
        {
            CropsDirectory = crops,
        };
        return SnapshotWriter.Write(content, directory);
    }
}
