using System.Globalization;
using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Synthetic;

/// <summary>
/// Generates a labelled family photo library with planted structure: families whose children share a
/// family direction (so siblings look alike), heavy-tailed face counts, outlier faces, unlabelled
/// strangers, multi-face photos with timestamps, and sibling / parent-child / spouse relations. The
/// same options and seed give the same content, so it serves as FaceEval's built-in demo data and as
/// a planted partition for tests. Nothing here comes from real photos.
/// </summary>
public static class SyntheticLibrary
{
    public const string ModelName = "synthetic";

    private static readonly DateTimeOffset Start = new(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static SnapshotContent Generate(SyntheticLibraryOptions options)
    {
        options = options.Validate();
        var rng = new Random(options.Seed);
        var d = options.Dimension;
        var siblingCos = 1 - options.SiblingCentroidDistance;
        var faces = new List<(string Person, string Family, float[] Vector)>();
        var relations = new List<Relation>();

        for (var f = 0; f < options.Families; f++)
        {
            var family = $"F{f + 1:D4}";
            var familyDirection = RandomUnit(rng, d);
            var children = rng.Next(1, options.MaxChildren + 1);
            var members = new List<(string Name, float[] Centroid)>
            {
                ($"{family}/parent1", RandomUnit(rng, d)),
                ($"{family}/parent2", RandomUnit(rng, d)),
            };
            relations.Add(new Relation(members[0].Name, members[1].Name, "spouse"));
            for (var c = 0; c < children; c++)
            {
                // Two children that each keep a share w of the family direction have cosine w^2 with each other.
                var child = Mix(familyDirection, RandomUnit(rng, d), Math.Sqrt(siblingCos));
                var name = $"{family}/child{c + 1}";
                for (var s = 2; s < members.Count; s++)
                {
                    relations.Add(new Relation(members[s].Name, name, "sibling"));
                }

                relations.Add(new Relation(members[0].Name, name, "parent-child"));
                relations.Add(new Relation(members[1].Name, name, "parent-child"));
                members.Add((name, child));
            }

            foreach (var (name, centroid) in members)
            {
                var count = 2 + (int)Math.Round((options.MeanFacesPerPerson - 2) * -Math.Log(1 - rng.NextDouble()));
                for (var k = 0; k < count; k++)
                {
                    var distance = rng.NextDouble() < options.OutlierRate
                        ? Math.Min(0.9, options.FaceDistance * (1.5 + rng.NextDouble()))
                        : options.FaceDistance * (0.6 + 0.8 * rng.NextDouble());
                    faces.Add((name, family, Mix(centroid, RandomUnit(rng, d), 1 - distance)));
                }
            }
        }

        var strangers = (int)Math.Round(faces.Count * options.StrangerRate);
        for (var s = 0; s < strangers; s++)
        {
            faces.Add(("", $"F{rng.Next(options.Families) + 1:D4}", RandomUnit(rng, d)));
        }

        return ToContent(Photos(faces, rng), relations, options);
    }

    /// <summary>Shuffles faces into photos of one to three faces of one family, each photo with a time.</summary>
    private static List<(string Person, string Family, float[] Vector, string Photo, DateTimeOffset TakenAt)> Photos(
        List<(string Person, string Family, float[] Vector)> faces, Random rng)
    {
        var shuffled = faces.OrderBy(f => f.Family, StringComparer.Ordinal).ThenBy(_ => rng.Next()).ToList();
        var result = new List<(string, string, float[], string, DateTimeOffset)>(faces.Count);
        var photo = 0;
        for (var i = 0; i < shuffled.Count;)
        {
            var size = 1 + rng.Next(3);
            var takenAt = Start.AddMinutes(rng.Next(0, 10 * 365 * 24 * 60));
            photo++;
            var people = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < size && i < shuffled.Count && shuffled[i].Family == shuffled[Math.Max(0, i - j)].Family; j++, i++)
            {
                if (shuffled[i].Person.Length > 0 && !people.Add(shuffled[i].Person))
                {
                    break; // one person appears once per photo
                }

                result.Add((shuffled[i].Person, shuffled[i].Family, shuffled[i].Vector, $"IMG_{photo:D6}", takenAt));
            }
        }

        return result;
    }

    private static SnapshotContent ToContent(
        List<(string Person, string Family, float[] Vector, string Photo, DateTimeOffset TakenAt)> faces, List<Relation> relations, SyntheticLibraryOptions options)
    {
        var d = options.Dimension;
        var values = new float[faces.Count * d];
        var rows = new List<IReadOnlyList<string>>(faces.Count);
        for (var i = 0; i < faces.Count; i++)
        {
            var f = faces[i];
            f.Vector.CopyTo(values, i * d);
            rows.Add([i.ToString(CultureInfo.InvariantCulture), f.Person, f.Photo, f.Family, f.TakenAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)]);
        }

        var source = $"faceeval synthetic library (families={options.Families}, maxChildren={options.MaxChildren}, meanFaces={F(options.MeanFacesPerPerson)}, " +
            $"siblingDistance={F(options.SiblingCentroidDistance)}, faceDistance={F(options.FaceDistance)}, outliers={F(options.OutlierRate)}, " +
            $"strangers={F(options.StrangerRate)}, dimension={d}, seed={options.Seed})";
        return new SnapshotContent(
            [SnapshotLayout.FaceIdColumn, SnapshotLayout.PersonColumn, SnapshotLayout.PhotoColumn, SnapshotLayout.FamilyColumn, SnapshotLayout.TakenAtColumn],
            rows,
            [new SnapshotEmbedding(ModelName, values, d, "generated by FaceEval's SyntheticLibrary")],
            relations,
            source);
    }

    /// <summary>A unit vector whose cosine with unit <paramref name="anchor"/> is about <paramref name="cos"/> (random noise is near-orthogonal in high dimension).</summary>
    private static float[] Mix(float[] anchor, float[] noise, double cos)
    {
        var a = cos;
        var b = Math.Sqrt(1 - cos * cos);
        var v = new float[anchor.Length];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)(a * anchor[i] + b * noise[i]);
        }

        return Normalize(v);
    }

    private static float[] RandomUnit(Random rng, int d)
    {
        var v = new float[d];
        for (var i = 0; i < d; i++)
        {
            // Box-Muller: a Gaussian direction is uniform on the sphere.
            v[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()));
        }

        return Normalize(v);
    }

    private static float[] Normalize(float[] v)
    {
        var norm = (float)Math.Sqrt(v.Sum(x => (double)x * x));
        for (var i = 0; i < v.Length; i++)
        {
            v[i] /= norm;
        }

        return v;
    }

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
