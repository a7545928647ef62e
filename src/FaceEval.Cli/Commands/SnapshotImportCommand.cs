using System.CommandLine;
using System.Globalization;
using FaceEval.Cli.Output;
using FaceEval.Core.Snapshots;
using Spectre.Console;

namespace FaceEval.Cli.Commands;

/// <summary><c>faceeval snapshot import</c>: freezes an external tool's export into a new snapshot.</summary>
internal static class SnapshotImportCommand
{
    public static Command Create()
    {
        var faces = new Option<string>("--faces")
        {
            HelpName = "F.csv",
            Description = "CSV with one row per face: face_id, person (empty = unlabelled), photo, and any other columns (all kept). Rows are in embedding row order.",
            Required = true,
        };
        var embeddings = new Option<string[]>("--embeddings")
        {
            HelpName = "NAME=E.npy",
            Description = "NAME=PATH.npy: one model's embeddings, float16/32/64 [faces, dimension], C order. Repeat for more models; NAME becomes embeddings/NAME.npy.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var relations = new Option<string?>("--relations")
        {
            HelpName = "R.csv",
            Description = "CSV with person_a, person_b, relation (e.g. sibling, twin-sibling, parent-child). Relations naming a person with no face are left out with a warning.",
        };
        var images = new Option<string?>("--images")
        {
            HelpName = "ROOT",
            Description = "Directory the faces' 'file' column resolves against (recorded in the manifest, photos are not copied).",
        };
        var photoKey = new Option<string?>("--photo-key")
        {
            HelpName = "COLS",
            Description = "Comma-separated columns that together identify a photo, when 'photo' alone is not unique (e.g. family,photo for FIW, whose photo numbers restart per family). Stored as photo = values joined with '/'.",
        };
        var output = new Option<string>("--out")
        {
            HelpName = "DIR",
            Description = "New directory for the snapshot (must not exist or be empty).",
            Required = true,
        };

        var command = new Command("import", "Import faces, embeddings and relations exported by another tool as a new frozen snapshot.")
        {
            faces, embeddings, relations, images, photoKey, output,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(images) is not null && HeaderLacks(parse.GetValue(faces)!, SnapshotLayout.FileColumn))
            {
                // Photos are found through the file column only; without it the root would be recorded and never used.
                parse.Refuse($"here: {parse.GetValue(faces)} has no 'file' column for photos to resolve against it", images);
            }

            var options = new SnapshotImportOptions(
                parse.GetValue(faces)!,
                (parse.GetValue(embeddings) ?? []).Select(EmbeddingSource.Parse).ToArray(),
                parse.GetValue(relations),
                parse.GetValue(images),
                parse.GetValue(output)!)
            {
                PhotoKey = parse.GetValue(photoKey)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            };

            var result = WithProgress(progress => SnapshotImporter.Import(options, progress));
            foreach (var warning in result.Warnings)
            {
                Console.Error.WriteLine($"faceeval: warning: {warning}");
            }

            var s = result.Snapshot;
            var c = s.Manifest.Counts;
            Console.Out.WriteLine($"snapshot {s.Id} written to {s.Directory}");
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {c.Faces} faces ({c.LabelledFaces} labelled), {c.People} people, {c.Photos} photos, {c.Relations} relations"));
            Console.Out.WriteLine("  models: " + string.Join(", ", s.Manifest.Models.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Name} ({m.Dimension})"))));
            return 0;
        });
        return command;
    }

    /// <summary>Whether the CSV's header (when the file is there; the importer reports a missing one) lacks <paramref name="column"/>.</summary>
    private static bool HeaderLacks(string csv, string column)
    {
        if (!File.Exists(csv))
        {
            return false;
        }

        using var reader = new StreamReader(csv);
        var header = reader.ReadLine() ?? "";
        return !header.TrimStart('\uFEFF').Split(',').Select(name => name.Trim().Trim('"')).Contains(column, StringComparer.Ordinal);
    }

    private static T WithProgress<T>(Func<IProgress<ImportProgress>?, T> work) =>
        ConsoleProgress.RunWithTask("importing", task => work(task is null ? null : new StageProgress(task)));

    private sealed class StageProgress(ProgressTask task) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            task.Description = Markup.Escape(value.Stage);
            task.Value = value.Fraction;
        }
    }
}
