using FaceEval.Core.Numpy;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Tests.Snapshots;

/// <summary>
/// A small export of the kind <c>snapshot import</c> reads, written into a temp directory: 8 faces
/// of 3 people (2 unlabelled), extra columns in an unusual order, two models of different dimension.
/// Tests change pieces of it to provoke each import error.
/// </summary>
internal sealed class SyntheticExport
{
    public const string Header = "dataset,person,face_id,x,photo,taken_at,note";

    public SyntheticExport(TempDirectory dir)
    {
        Dir = dir;
        FacesLines =
        [
            Header,
            "demo,Ann,f0,1.5,p1,2021-06-30T14:05:00Z,plain",
            "demo,Bob,f1,2.5,p1,,\"with, comma\"",
            "demo,,f2,3.5,p2,2020-01-01,",
            "demo,Ann,f3,4.5,p3,,",
            "demo,Cy,f4,5.5,p3,,\"quote \"\"here\"\"\"",
            "demo,Bob,f5,6.5,p4,,",
            "demo,,f6,7.5,p4,,",
            "demo,Ann,f7,8.5,p5,,",
        ];
        RelationLines = [
            "person_a,person_b,relation",
            "Ann,Bob,sibling",
            "Bob,Cy,twin-sibling",
            "Ann,Zed,parent-child",
            "Yan,Cy,spouse",
        ];
        var rng = new Random(11);
        Models = new()
        {
            ["modelA"] = (Random(rng, 8 * 4), 4),
            ["model-b.v2"] = (Random(rng, 8 * 3), 3),
        };
    }

    public TempDirectory Dir { get; }

    public List<string> FacesLines { get; }

    public List<string> RelationLines { get; }

    public Dictionary<string, (float[] Values, int Dimension)> Models { get; }

    public string FacesPath => Dir.Combine("export", "faces.csv");

    public string RelationsPath => Dir.Combine("export", "relations.csv");

    public string NpyPath(string model) => Dir.Combine("export", model + ".npy");

    /// <summary>Writes the files and returns import options for them, output to <paramref name="outName"/>.</summary>
    public SnapshotImportOptions Write(string outName = "snap", bool relations = true)
    {
        Directory.CreateDirectory(Dir.Combine("export"));
        File.WriteAllText(FacesPath, string.Join("\n", FacesLines) + "\n");
        File.WriteAllText(RelationsPath, string.Join("\n", RelationLines) + "\n");
        foreach (var (name, (values, dim)) in Models)
        {
            NpyWriter.Write(NpyPath(name), values, values.Length / dim, dim);
        }

        return new SnapshotImportOptions(FacesPath, Models.Keys.Select(m => new EmbeddingSource(m, NpyPath(m))).ToArray(),
            relations ? RelationsPath : null, null, Dir.Combine(outName));
    }

    private static float[] Random(Random rng, int n) => Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
}
