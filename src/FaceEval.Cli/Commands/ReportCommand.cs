using System.CommandLine;
using FaceEval.Cli.Output;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Reporting;
using FaceEval.Reports.Jobs;

namespace FaceEval.Cli.Commands;

internal static class ReportCommand
{
    public static Command Create()
    {
        var shared = new EvaluationOptions();
        var sweep = new Option<string?>("--sweep") { HelpName = "FILE", Description = "a sweep.json from 'faceeval sweep': report on its best setting, with its curves (its model, algorithm and setting: not with --model/--algorithm/--set; --snapshot says where its snapshot is)" };
        var outDir = new Option<string?>("--out") { HelpName = "DIR", Description = "directory for index.html, report.json and the CSV tables (default: reports/report-<algorithm>-<model>)" };
        var maxCrops = new Option<int>("--max-crops") { HelpName = "N", Description = "at most this many face crops embedded in the page", DefaultValueFactory = _ => 2000 };
        var command = new Command("report", "Write a self-contained HTML report (plus JSON and CSV) of one setting: metrics, sweep curves, distance cliff, cohesion, look-alikes, worst errors.");
        shared.AddTo(command);
        shared.AddNeighborsTo(command);
        command.Options.Add(sweep);
        command.Options.Add(outDir);
        command.Options.Add(maxCrops);
        command.SetAction(parse =>
        {
            // A sweep file fixes model, algorithm and setting (its best row); --snapshot stays, as where to find its snapshot.
            parse.RefuseTogether([sweep], [shared.Model, shared.Algorithm, shared.Set], "the report explains the sweep's best row, with the sweep's model, algorithm and setting");
            var config = shared.LoadConfig(parse);
            var sweepFile = parse.GetValue(sweep) is { } s ? Path.GetFullPath(s) : null;

            // A sweep names its model and snapshot id, so the config need not (the placeholder model is replaced by the sweep's).
            var options = shared.Read(parse, sweepFile is null ? config : config with { Model = config.Model ?? "(the sweep's)", Snapshot = config.Snapshot ?? "snapshots" },
                defaultAlgorithm: "gated") with { Neighbors = shared.ReadNeighbors(parse) };
            if (sweepFile is null)
            {
                EvaluationOptions.RefuseInertSettings(options, config);
                shared.RefuseUnusedSeed(parse, options.Algorithm);
            }

            var output = parse.GetValue(outDir) is { } o ? Path.GetFullPath(o)
                : config.ResolvePath(Path.Combine("reports", sweepFile is null
                    ? $"report-{options.Algorithm.ToString().ToLowerInvariant()}-{options.Model}"
                    : $"report-{Path.GetFileName(Path.GetDirectoryName(sweepFile))}"));
            var snapshots = config.ResolvePath("snapshots");
            var candidates = Directory.Exists(snapshots) ? Directory.GetDirectories(snapshots) : [];
            var max = parse.GetValue(maxCrops);
            if (max < 0)
            {
                throw new Core.Errors.FaceEvalException(Core.Errors.ErrorKind.Usage, "--max-crops must be >= 0");
            }

            var given = new ReportGiven(parse.AnyGiven([shared.Snapshot]), parse.AnyGiven([shared.Seed]), parse.AnyGiven([shared.RelationTypes]), parse.AnyGiven([maxCrops]));
            var request = new ReportRequest(options, sweepFile, output, candidates, max, given);
            var (sweepResult, setting) = ReportJob.Prepare(request, config);
            foreach (var note in setting.Notes)
            {
                Console.WriteLine($"note: {note}");
            }

            // Printed after the job, like run's: on an error only its one line is printed.
            var notices = new List<string>
            {
                sweepResult is null
                    ? NeighborPlan.Describe(setting.Neighbors, options.Neighbors, setting.Snapshot.Faces.Count)
                    : $"neighbours: {setting.Neighbors} (as the sweep ran)",
            };
            var (_, files) = ConsoleProgress.RunWithTask("report", _ => ReportJob.Execute(request, sweepResult, setting, notices.Add));
            notices.ForEach(n => Console.Error.WriteLine($"faceeval: {n}"));
            Console.WriteLine($"wrote {Path.Combine(output, "index.html")} ({files.Count} files)");
            return 0;
        });
        return command;
    }
}
