using System.CommandLine;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Synthetic;

namespace FaceEval.Cli.Commands;

/// <summary><c>faceeval snapshot synth --out DIR</c>: the built-in demo library, generated, never photographed.</summary>
internal static class SnapshotSynthCommand
{
    public static Command Create()
    {
        var defaults = new SyntheticLibraryOptions();
        var output = new Option<string>("--out") { Description = "new snapshot directory (must not exist or be empty)", Required = true };
        var families = new Option<int>("--families") { Description = "number of families (two parents, 1..max-children children)", DefaultValueFactory = _ => defaults.Families };
        var maxChildren = new Option<int>("--max-children") { Description = "most children per family", DefaultValueFactory = _ => defaults.MaxChildren };
        var faces = new Option<double>("--mean-faces") { Description = "mean faces per person (heavy-tailed, at least 2)", DefaultValueFactory = _ => defaults.MeanFacesPerPerson };
        var sibling = new Option<double>("--sibling-distance") { Description = "cosine distance between siblings' true centroids; smaller = harder", DefaultValueFactory = _ => defaults.SiblingCentroidDistance };
        var spread = new Option<double>("--face-distance") { Description = "typical cosine distance of a face to its person's centroid", DefaultValueFactory = _ => defaults.FaceDistance };
        var outliers = new Option<double>("--outliers") { Description = "share of outlier faces (hats, profiles)", DefaultValueFactory = _ => defaults.OutlierRate };
        var strangers = new Option<double>("--strangers") { Description = "unlabelled stranger faces per labelled face", DefaultValueFactory = _ => defaults.StrangerRate };
        var dimension = new Option<int>("--dimension") { Description = "embedding dimension", DefaultValueFactory = _ => defaults.Dimension };
        var seed = new Option<int>("--seed") { Description = "random seed; the same options and seed give the same snapshot id", DefaultValueFactory = _ => defaults.Seed };
        var command = new Command("synth", $"Generate a labelled synthetic family library (model '{SyntheticLibrary.ModelName}') with look-alike siblings: FaceEval's built-in demo and test data.")
        {
            output, families, maxChildren, faces, sibling, spread, outliers, strangers, dimension, seed,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(maxChildren) == 1)
            {
                parse.Refuse("with --max-children 1: no family has two children, so there are no siblings", sibling);
            }

            var options = new SyntheticLibraryOptions(parse.GetValue(families), parse.GetValue(maxChildren), parse.GetValue(faces), parse.GetValue(sibling),
                parse.GetValue(spread), parse.GetValue(outliers), parse.GetValue(strangers), parse.GetValue(dimension), parse.GetValue(seed));
            var snapshot = SnapshotWriter.Write(SyntheticLibrary.Generate(options), parse.GetValue(output)!);
            Console.Out.WriteLine($"snapshot {snapshot.Id} written to {snapshot.Directory}");
            Console.Out.WriteLine($"  {snapshot.Manifest.Counts.Faces} faces ({snapshot.Manifest.Counts.LabelledFaces} labelled), {snapshot.Manifest.Counts.People} people, {snapshot.Manifest.Counts.Relations} relations");
            return 0;
        });
        return command;
    }
}
