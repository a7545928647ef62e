using System.Globalization;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Configuration;
using FaceEval.Core.Errors;
using FaceEval.Core.Evaluation;
using FaceEval.Core.Metrics;
using FaceEval.Core.Neighbors;
using FaceEval.Core.Snapshots;
using FaceEval.Core.Sweeps;

namespace FaceEval.Core.Reporting;

/// <summary>
/// The setting a report replays, decided before any clustering: the snapshot, algorithm, parameters, seed,
/// relation types and neighbour structure, from the sweep file when there is one (its recorded values win; an option that would be
/// overridden is refused), and <see cref="Notes"/> the user must see (e.g. a sweep.json that predates its seed).
/// </summary>
public sealed record ReportSetting(
    Snapshot Snapshot,
    string Model,
    IClusteringAlgorithm Algorithm,
    ParameterSet Parameters,
    int Seed,
    RelationTypeFilter RelationTypes,
    IReadOnlyList<string> Notes)
{
    /// <summary>The neighbour structure the setting is replayed on: the sweep's, else what --neighbors/--k ask for the snapshot.</summary>
    public NeighborChoice Neighbors { get; init; } = NeighborChoice.Full;

    public static ReportSetting Resolve(ReportRequest request, SweepResult? sweep, EvalConfig config)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.SweepFile is null) != (sweep is null))
        {
            throw new ArgumentException("a sweep is given exactly when the request names a sweep file", nameof(sweep));
        }

        var options = request.Run;
        var given = request.Given ?? new ReportGiven();
        if (sweep is null)
        {
            var algorithm = AlgorithmCatalog.Get(options.Algorithm);
            var parameters = RunJob.Parameters(algorithm, config, options.Overrides);
            var loaded = Snapshot.Load(options.SnapshotDirectory);
            return new ReportSetting(loaded, options.Model, algorithm, parameters, options.Seed, options.RelationTypes, [])
            {
                Neighbors = NeighborPlan.Resolve(options.Neighbors, algorithm, [parameters], loaded.Faces.Count),
            };
        }

        var file = request.SweepFile!;
        if (sweep.Best is null)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{file}: no setting satisfied the sweep's constraints, so there is no best row to report on");
        }

        var notes = new List<string>();
        var kind = AlgorithmNames.Parse(sweep.Algorithm);
        Refuse(given.Seed && !AlgorithmCatalog.UsesSeed(kind), $"--seed: {file} ran {sweep.Algorithm}, which has no random step, every seed gives the same labels");
        int seed;
        if (sweep.Seed is { } recorded)
        {
            Refuse(given.Seed && recorded != options.Seed, $"--seed {S(options.Seed)}: {file} was run with seed {S(recorded)}, which the report replays");
            seed = recorded;
        }
        else
        {
            seed = options.Seed;
            if (AlgorithmCatalog.UsesSeed(kind))
            {
                notes.Add($"{file} does not record the seed it was run with; replaying its best row with seed {S(seed)}{(given.Seed ? " (--seed)" : " (eval.config.json)")}, which may not reproduce its numbers");
            }
        }

        RelationTypeFilter types;
        if (sweep.RelationTypes is { } recordedTypes)
        {
            types = RelationTypeFilter.Parse(recordedTypes);
            Refuse(given.RelationTypes && !types.Patterns.ToHashSet().SetEquals(options.RelationTypes.Patterns),
                $"--relation-types {options.RelationTypes}: {file} counted look-alikes over {types}, which the report replays");
        }
        else
        {
            types = options.RelationTypes;
            notes.Add($"{file} does not record its relation types; counting look-alikes over {types}");
        }

        var neighbors = sweep.Neighbors ?? RecordedNeighbors.Unrecorded;
        var asked = options.Neighbors;
        var index = neighbors.Index;
        Refuse((asked.Structure is { } structure && structure != neighbors.Structure) || (asked.K is { } k && k != neighbors.K)
            || (asked.Nlist is { } nlist && nlist != index?.Nlist) || (asked.Nprobe is { } nprobe && nprobe != index?.Nprobe)
            || (asked.RecallQueries is { } queries && queries != index?.RecallQueries) || (asked.RecallFloor is { } floor && floor != index?.RecallFloor),
            $"{NeighborOptions(asked)}: {file} ran on {(sweep.Neighbors is null ? "the full matrix (it records no neighbour structure, as every sweep before they were recorded)" : neighbors.ToString())}, which the report replays");
        if (sweep.Neighbors is null)
        {
            notes.Add($"{file} does not record its neighbour structure; replaying on the full matrix, which every sweep used before the structure was recorded");
        }

        var snapshot = FindSnapshot(sweep.SnapshotId, options.SnapshotDirectory, given.Snapshot, request.SnapshotCandidates, file);
        var replayed = AlgorithmCatalog.Get(kind);
        return new ReportSetting(snapshot, sweep.Model, replayed, sweep.Best.Parameters, seed, types, notes)
        {
            Neighbors = NeighborPlan.Resolve(RecordedNeighbors.Request(neighbors), replayed, [sweep.Best.Parameters], snapshot.Faces.Count),
        };
    }

    private static void Refuse(bool refuse, string message)
    {
        if (refuse)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"{message}; drop the option");
        }
    }

    /// <summary>The sweep's snapshot: at --snapshot (which must then be it), else at the configured snapshot or one of the candidates.</summary>
    private static Snapshot FindSnapshot(string id, string directory, bool given, IEnumerable<string> candidates, string sweepFile)
    {
        var there = SnapshotManifest.TryRead(directory)?.Id;
        if (given)
        {
            return there == id ? Snapshot.Load(directory)
                : there is null ? throw new FaceEvalException(ErrorKind.FileNotFound, $"no snapshot at --snapshot {directory} (needed: {id}, the snapshot {sweepFile} was run on)")
                : throw new FaceEvalException(ErrorKind.BaselineMismatch, $"{sweepFile} was run on snapshot {id} but --snapshot {directory} is snapshot {there}");
        }

        foreach (var dir in candidates.Prepend(directory).Distinct())
        {
            if (SnapshotManifest.TryRead(dir)?.Id == id)
            {
                return Snapshot.Load(dir);
            }
        }

        throw new FaceEvalException(ErrorKind.FileNotFound, $"{sweepFile} was run on snapshot {id}, which is not at the configured snapshot nor under snapshots/; pass --snapshot DIR");
    }

    private static string NeighborOptions(NeighborRequest asked) => string.Join(" ", new[]
    {
        asked.Structure is { } s ? $"--neighbors {RecordedNeighbors.Name(s)}" : null,
        asked.K is { } k ? $"--k {S(k)}" : null,
        asked.Nlist is { } nlist ? $"--nlist {S(nlist)}" : null,
        asked.Nprobe is { } nprobe ? $"--nprobe {S(nprobe)}" : null,
        asked.RecallQueries is { } queries ? $"--recall-queries {S(queries)}" : null,
        asked.RecallFloor is { } floor ? $"--recall-floor {floor.ToString(CultureInfo.InvariantCulture)}" : null,
    }.Where(o => o is not null));

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);
}
