using System.CommandLine;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Neighbors;

namespace FaceEval.Cli.Commands;

/// <summary>
/// The options `run`, `sweep` and `gate` share (config, snapshot, model, algorithm, --set, seed,
/// relation types), read once into a validated <see cref="RunOptions"/> with eval.config.json defaults.
/// </summary>
internal sealed class EvaluationOptions
{
    public Option<string?> Config { get; } = new("--config") { HelpName = "FILE", Description = "eval.config.json to read defaults from (default: the nearest one in this folder or above)" };

    public Option<string?> Snapshot { get; } = new("--snapshot") { HelpName = "DIR", Description = "snapshot directory (default: \"snapshot\" in eval.config.json)" };

    public Option<string?> Model { get; } = new("--model") { HelpName = "NAME", Description = "embedding model name in the snapshot (default: \"model\" in eval.config.json)" };

    public Option<string?> Algorithm { get; } = new("--algorithm") { HelpName = "NAME", Description = $"one of: {string.Join(", ", AlgorithmNames.All)}" };

    public Option<string[]> Set { get; } = new("--set") { HelpName = "key=value", Description = "parameter override key=value (repeatable); see 'faceeval algorithms' for names and ranges", Arity = ArgumentArity.ZeroOrMore };

    public Option<int?> Seed { get; } = new("--seed") { HelpName = "N", Description = "seed for every random step (default: \"seed\" in eval.config.json, 42)" };

    public Option<string?> RelationTypes { get; } = new("--relation-types") { HelpName = "TYPES", Description = "comma-separated relation types counted as look-alikes; '*' suffix matches a prefix (default: sibling,twin*)" };

    // Named from the catalog so the help follows each algorithm that gains a graph form.
    private static string GraphForms => string.Join(", ", AlgorithmCatalog.All.Where(k => AlgorithmCatalog.Get(k) is IGraphForm).Select(AlgorithmNames.Name));

    /// <summary>Commands that run an algorithm only (see <see cref="AddNeighborsTo"/>).</summary>
    public Option<string?> Neighbors { get; } = new("--neighbors")
    {
        HelpName = "full|exact|approx",
        Description = $"distances the algorithm reads: full (the N x N matrix, every pair), exact (each face's k nearest, any N; {GraphForms}) or approx (the same from an inverted-file index, recall measured); default full up to {DistanceMatrix.MaxCount:N0} faces, exact up to {NeighborPlan.ExactMaxCount:N0}, approx beyond. Graphs are cached beside the snapshot (<snapshot>.cache/neighbors/)",
    };

    public Option<int?> K { get; } = new("--k") { HelpName = "K", Description = $"neighbours per face of the graph (default {NeighborChoice.DefaultK}; at least what the algorithm needs, e.g. dbscan minSamples)" };

    public Option<int?> Nlist { get; } = new("--nlist") { HelpName = "N", Description = "approx only: k-means lists of the inverted file (default about 2 x sqrt(faces))" };

    public Option<int?> Nprobe { get; } = new("--nprobe") { HelpName = "N", Description = "approx only: nearest lists each face's query scores (default nlist / 32; nlist = exact)" };

    public Option<int?> RecallQueries { get; } = new("--recall-queries") { HelpName = "N", Description = $"approx only: faces sampled to measure recall@k against brute force (default {GraphRecall.DefaultQueries:N0})" };

    public Option<double?> RecallFloor { get; } = new("--recall-floor") { HelpName = "R", Description = $"approx only: warn when the measured recall@k is below R (default {GraphRecall.DefaultFloor:0.00})" };

    /// <summary>--neighbors, --k and the approx index options.</summary>
    public Option[] NeighborOptions => [Neighbors, K, Nlist, Nprobe, RecallQueries, RecallFloor];

    public void AddNeighborsTo(Command command)
    {
        foreach (var option in NeighborOptions)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>--neighbors, --k and the index options as given; what is not given stays null, for <see cref="NeighborPlan"/> to default (or refuse).</summary>
    public NeighborRequest ReadNeighbors(ParseResult parse)
    {
        NeighborStructure? structure = parse.GetValue(Neighbors) is { } text ? RecordedNeighbors.ParseOption(text, "--neighbors") : null;
        return new NeighborRequest(structure, parse.GetValue(K))
        {
            Nlist = parse.GetValue(Nlist),
            Nprobe = parse.GetValue(Nprobe),
            RecallQueries = parse.GetValue(RecallQueries),
            RecallFloor = parse.GetValue(RecallFloor),
        };
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Config, Snapshot, Model, Algorithm, Set, Seed, RelationTypes })
        {
            command.Options.Add(option);
        }
    }

    public EvalConfig LoadConfig(ParseResult parse) => EvalConfig.Load(parse.GetValue(Config));

    /// <summary>A usage error naming each --set parameter that the rest of the setting makes irrelevant.</summary>
    public static void RefuseInertSettings(RunOptions run, EvalConfig config)
    {
        var algorithm = AlgorithmCatalog.Get(run.Algorithm);
        var inert = algorithm.InertParameters(RunJob.Parameters(algorithm, config, run.Overrides));
        if (run.Overrides.Select(o => o.Key).FirstOrDefault(inert.ContainsKey) is { } name)
        {
            throw GivenOptions.NotApplicable([$"--set {name}"], $"with this {AlgorithmNames.Name(run.Algorithm)} setting: {inert[name]}");
        }
    }

    /// <summary>A usage error when --seed was given for an algorithm whose labels no seed can change.</summary>
    public void RefuseUnusedSeed(ParseResult parse, AlgorithmKind algorithm)
    {
        if (!AlgorithmCatalog.UsesSeed(algorithm))
        {
            parse.Refuse($"with {AlgorithmNames.Name(algorithm)}: it has no random step, every seed gives the same labels", Seed);
        }
    }

    public RunOptions Read(ParseResult parse, EvalConfig config, string? defaultAlgorithm = null)
    {
        var snapshot = parse.GetValue(Snapshot) is { } s ? Path.GetFullPath(s)
            : config.Snapshot is { } cs ? config.ResolvePath(cs)
            : throw new FaceEvalException(ErrorKind.Usage, "no snapshot: pass --snapshot DIR or set \"snapshot\" in eval.config.json");
        var model = parse.GetValue(Model) ?? config.Model
            ?? throw new FaceEvalException(ErrorKind.Usage, "no model: pass --model NAME or set \"model\" in eval.config.json");
        var algorithmName = parse.GetValue(Algorithm) ?? defaultAlgorithm
            ?? throw new FaceEvalException(ErrorKind.Usage, $"no algorithm: pass --algorithm ({string.Join("|", AlgorithmNames.All)})");
        var relationTypes = RelationTypeFilter.Parse(parse.GetValue(RelationTypes) ?? config.RelationTypes, strict: parse.IsGiven(RelationTypes));
        return new RunOptions(
            snapshot,
            model,
            AlgorithmNames.Parse(algorithmName),
            ParameterSet.ParseAssignments(parse.GetValue(Set) ?? []).ToArray(),
            relationTypes,
            parse.GetValue(Seed) ?? config.Seed);
    }
}
