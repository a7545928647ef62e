using System.CommandLine;
using System.Globalization;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Synthetic;

namespace FaceEval.Cli.Commands;

/// <summary>
/// <c>faceeval snapshot synth --out DIR</c>: generated libraries, never photographed. <c>--profile classic</c>
/// (the default) is the built-in demo, small and fixed because tests and the README quote its numbers;
/// <c>--profile library</c> is the realistic, large one (docs/synthetic.md).
/// </summary>
internal static class SnapshotSynthCommand
{
    private const string Classic = "classic";
    private const string Library = "library";

    public static Command Create()
    {
        var c = new SyntheticLibraryOptions();
        var l = new LibraryOptions();
        var output = new Option<string>("--out") { Description = "new snapshot directory (must not exist or be empty)", Required = true };
        var profile = new Option<string>("--profile")
        {
            Description = "classic: the small demo family library (default); library: a large library with real-library statistics (docs/synthetic.md)",
            DefaultValueFactory = _ => Classic,
        };
        profile.AcceptOnlyFromAmong(Classic, Library);

        // Only in one profile.
        var families = new Option<int>("--families") { Description = $"classic: number of families (two parents, 1..max-children children) [default: {c.Families}]" };
        var meanFaces = new Option<double>("--mean-faces") { Description = $"classic: mean faces per person (heavy-tailed, at least 2) [default: {D(c.MeanFacesPerPerson)}]" };
        var outliers = new Option<double>("--outliers") { Description = $"classic: share of outlier faces (hats, profiles) [default: {D(c.OutlierRate)}]" };
        var faces = new Option<int>("--faces") { Description = $"library: total faces, labelled and unlabelled [default: {l.Faces}]" };
        var exponent = new Option<double>("--count-exponent") { Description = $"library: faces per person follow P(n) ~ n^-E [default: {D(l.CountExponent)}]" };
        var maxFaces = new Option<int>("--max-faces") { Description = $"library: most faces one person can have [default: {l.MaxFacesPerPerson}]" };
        var faceSpread = new Option<double>("--face-spread") { Description = $"library: log-normal sigma of a face's distance to its person's centre [default: {D(l.FaceSpread)}]" };
        var siblingSpread = new Option<double>("--sibling-spread") { Description = $"library: log-normal sigma of each child's resemblance to its family [default: {D(l.SiblingSpread)}]" };
        var meanCosine = new Option<double>("--mean-cosine") { Description = $"library: cosine all faces share through one common direction [default: {D(l.MeanCosine)}]" };
        var effective = new Option<int>("--effective-dimension") { Description = $"library: participation ratio of the variance spectrum, at most --dimension [default: {l.EffectiveDimension}]" };

        // In both, with each profile's default.
        var maxChildren = new Option<int>("--max-children") { Description = $"most children per family [default: {c.MaxChildren}]" };
        var sibling = new Option<double>("--sibling-distance") { Description = $"cosine distance between siblings' true centres; smaller = harder [default: classic {D(c.SiblingCentroidDistance)}, library {D(l.SiblingCentroidDistance)}]" };
        var spread = new Option<double>("--face-distance") { Description = $"typical (library: median) cosine distance of a face to its person's centre [default: classic {D(c.FaceDistance)}, library {D(l.FaceDistance)}]" };
        var strangers = new Option<double>("--strangers") { Description = $"unlabelled stranger faces per labelled face [default: classic {D(c.StrangerRate)}, library {D(l.StrangerRate)}]" };
        var dimension = new Option<int>("--dimension") { Description = $"embedding dimension [default: classic {c.Dimension}, library {l.Dimension}]" };
        var seed = new Option<int>("--seed") { Description = $"random seed; the same options and seed give the same snapshot id [default: {c.Seed}]" };
        var command = new Command("synth", $"Generate a labelled synthetic family library (model '{SyntheticLibrary.ModelName}') with look-alike siblings: FaceEval's built-in demo and test data, or (--profile library) a realistic one of up to millions of faces.")
        {
            output, profile, families, meanFaces, outliers, faces, exponent, maxFaces, faceSpread, siblingSpread, meanCosine, effective,
            maxChildren, sibling, spread, strangers, dimension, seed,
        };
        command.SetAction(parse =>
        {
            T Get<T>(Option<T> option, T fallback) => parse.IsGiven(option) ? parse.GetValue(option)! : fallback;
            var isLibrary = parse.GetValue(profile) == Library;
            if (isLibrary)
            {
                parse.Refuse("with --profile library (they shape the classic demo library)", families, meanFaces, outliers);
            }
            else
            {
                parse.Refuse("with --profile classic; they belong to --profile library", faces, exponent, maxFaces, faceSpread, siblingSpread, meanCosine, effective);
            }

            if (Get(maxChildren, c.MaxChildren) == 1)
            {
                parse.Refuse("with --max-children 1: no family has two children, so there are no siblings", sibling, siblingSpread);
            }

            Snapshot snapshot;
            if (isLibrary)
            {
                var options = new LibraryOptions(Get(faces, l.Faces), Get(maxChildren, l.MaxChildren), Get(exponent, l.CountExponent), Get(maxFaces, l.MaxFacesPerPerson),
                    Get(spread, l.FaceDistance), Get(faceSpread, l.FaceSpread), Get(sibling, l.SiblingCentroidDistance), Get(siblingSpread, l.SiblingSpread), Get(strangers, l.StrangerRate),
                    Get(meanCosine, l.MeanCosine), Get(effective, l.EffectiveDimension), Get(dimension, l.Dimension), Get(seed, l.Seed));
                snapshot = LibraryGenerator.Generate(options).Write(parse.GetValue(output)!);
            }
            else
            {
                var options = new SyntheticLibraryOptions(Get(families, c.Families), Get(maxChildren, c.MaxChildren), Get(meanFaces, c.MeanFacesPerPerson),
                    Get(sibling, c.SiblingCentroidDistance), Get(spread, c.FaceDistance), Get(outliers, c.OutlierRate), Get(strangers, c.StrangerRate),
                    Get(dimension, c.Dimension), Get(seed, c.Seed));
                snapshot = SnapshotWriter.Write(SyntheticLibrary.Generate(options), parse.GetValue(output)!);
            }

            Console.Out.WriteLine($"snapshot {snapshot.Id} written to {snapshot.Directory}");
            Console.Out.WriteLine($"  {snapshot.Manifest.Counts.Faces} faces ({snapshot.Manifest.Counts.LabelledFaces} labelled), {snapshot.Manifest.Counts.People} people, {snapshot.Manifest.Counts.Relations} relations");
            return 0;
        });
        return command;
    }

    private static string D(double v) => v.ToString(CultureInfo.InvariantCulture);
}
