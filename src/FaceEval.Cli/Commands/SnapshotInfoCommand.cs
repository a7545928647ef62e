using System.CommandLine;
using System.Globalization;
using FaceEval.Cli.Output;
using FaceEval.Core.Snapshots;
using Spectre.Console;

namespace FaceEval.Cli.Commands;

/// <summary><c>faceeval snapshot info DIR</c>: what a snapshot holds (counts, people, models, sizes).</summary>
internal static class SnapshotInfoCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("directory") { Description = "The snapshot directory." };
        var top = new Option<int>("--top")
        {
            Description = "How many of the people with the most faces to list.",
            DefaultValueFactory = _ => 10,
        };
        var command = new Command("info", "Describe a snapshot: id, provenance, counts, people, relations, models and sizes (verifies it first).")
        {
            directory, top,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(top) < 0)
            {
                throw new Core.Errors.FaceEvalException(Core.Errors.ErrorKind.Usage, $"--top must be 0 or more, not {parse.GetValue(top)}");
            }

            var info = SnapshotInfo.Read(parse.GetValue(directory)!, parse.GetValue(top));
            Render(Terminal.Out, info);
            return 0;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, SnapshotInfo info)
    {
        var m = info.Manifest;
        var c = m.Counts;
        var overview = new Table().Title("snapshot").HideHeaders().AddColumns("", "");
        overview.AddRow("id", m.Id);
        overview.AddRow("directory", Markup.Escape(info.Directory));
        overview.AddRow("created", m.Created.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        overview.AddRow("source", Markup.Escape(m.Source));
        overview.AddRow("parent", m.Parent is null ? "-" : m.Edits is { } edits ? $"{m.Parent} ({N(edits)} label edits)" : m.Parent);
        overview.AddRow("images root", Markup.Escape(m.ImagesRoot ?? "-"));
        overview.AddRow("files", $"{N(info.FileCount)} ({Size(info.TotalBytes)})");
        console.Write(overview);

        var counts = new Table().Title("counts").AddColumns("faces", "labelled", "unlabelled", "people", "photos", "relations");
        foreach (var i in Enumerable.Range(1, 5))
        {
            counts.Columns[i].RightAligned();
        }

        counts.Columns[0].RightAligned();
        counts.AddRow(N(c.Faces), N(c.LabelledFaces), N(c.Faces - c.LabelledFaces), N(c.People), N(c.Photos), N(c.Relations));
        console.Write(counts);

        var (min, median, max) = info.FacesPerPerson;
        var people = new Table().Title("people").AddColumns("person", "faces");
        people.Columns[1].RightAligned();
        foreach (var (person, faces) in info.TopPeople)
        {
            people.AddRow(Markup.Escape(person), N(faces));
        }

        console.Write(people);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"faces per person: min {min}, median {median:0.#}, max {max}; {N(info.SingleFacePeople)} people with one face"));

        if (info.RelationTypes.Count > 0)
        {
            var relations = new Table().Title("relations").AddColumns("relation", "pairs");
            relations.Columns[1].RightAligned();
            foreach (var (type, count) in info.RelationTypes)
            {
                relations.AddRow(Markup.Escape(type), N(count));
            }

            console.Write(relations);
        }

        var models = new Table().Title("models").AddColumns("model", "dimension", "size", "imported from");
        models.Columns[1].RightAligned();
        models.Columns[2].RightAligned();
        foreach (var (model, bytes) in info.Models)
        {
            models.AddRow(Markup.Escape(model.Name), N(model.Dimension), Size(bytes), Markup.Escape(model.SourcePath ?? "-"));
        }

        console.Write(models);
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.00} GiB"),
    };
}
