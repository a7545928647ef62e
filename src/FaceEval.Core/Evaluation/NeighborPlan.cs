using System.Globalization;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Evaluation;

/// <summary>
/// Turns a <see cref="NeighborRequest"/> into the structure a run uses. Default: the full matrix up to
/// <see cref="DistanceMatrix.MaxCount"/> faces (its every pair, today's results), the exact graph with
/// k = <see cref="NeighborChoice.DefaultK"/> up to <see cref="ExactMaxCount"/>, the approx graph (inverted
/// file, default <see cref="IvfParameters"/>) beyond. Every combination that would leave an option
/// without effect, or an algorithm without the structure it needs, is a one-line usage error.
/// </summary>
public static class NeighborPlan
{
    /// <summary>
    /// Largest library the exact graph is the default for. Exact costs O(N^2): measured 35.8 s at 100,000
    /// faces on this 2-core machine, so ~2.5 min at 200,000 and ~60 min at 1M; beyond, approx is the default.
    /// </summary>
    public const int ExactMaxCount = 200_000;

    /// <summary>The structure used when none is asked for.</summary>
    public static NeighborStructure DefaultStructure(int faceCount) =>
        faceCount <= DistanceMatrix.MaxCount ? NeighborStructure.Full : faceCount <= ExactMaxCount ? NeighborStructure.Exact : NeighborStructure.Approx;

    /// <summary>The choice for <paramref name="faceCount"/> faces and every setting the job will run.</summary>
    public static NeighborChoice Resolve(NeighborRequest request, IClusteringAlgorithm algorithm, IEnumerable<ParameterSet> settings, int faceCount)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(algorithm);
        var name = AlgorithmNames.Name(algorithm.Kind);
        var structure = request.Structure ?? DefaultStructure(faceCount);
        if (structure != NeighborStructure.Approx && request.IndexOptionsGiven() is { Count: > 0 } given)
        {
            throw new FaceEvalException(ErrorKind.Usage, request.Structure is null
                ? $"{string.Join(", ", given)} has no effect: {Count(faceCount)} faces use --neighbors {RecordedNeighbors.Name(structure)} by default; pass --neighbors approx for the inverted-file index"
                : $"{string.Join(", ", given)} has no effect with --neighbors {RecordedNeighbors.Name(structure)}: only approx has an index");
        }

        if (structure == NeighborStructure.Full)
        {
            if (faceCount > DistanceMatrix.MaxCount)
            {
                throw new FaceEvalException(ErrorKind.Usage,
                    $"--neighbors full: {Count(faceCount)} faces are too many for the full matrix (at most {Count(DistanceMatrix.MaxCount)}); use --neighbors exact");
            }

            if (request.K is not null)
            {
                throw new FaceEvalException(ErrorKind.Usage, request.Structure is null
                    ? $"--k has no effect: {Count(faceCount)} faces use the full matrix by default (up to {Count(DistanceMatrix.MaxCount)}); pass --neighbors exact for a k-nearest-neighbour graph"
                    : "--k has no effect with --neighbors full: the full matrix holds every pair");
            }

            return NeighborChoice.Full;
        }

        if (algorithm is not IGraphForm graphForm)
        {
            var withGraph = string.Join(", ", AlgorithmCatalog.All.Where(k => AlgorithmCatalog.Get(k) is IGraphForm).Select(AlgorithmNames.Name));
            throw new FaceEvalException(ErrorKind.Usage, request.Structure is null
                ? $"{Count(faceCount)} faces are too many for the full matrix (at most {Count(DistanceMatrix.MaxCount)}) and {name} has no graph form yet; algorithms with one: {withGraph}"
                : $"--neighbors {structure.ToString().ToLowerInvariant()}: {name} has no graph form yet; algorithms with one: {withGraph}");
        }

        var k = request.K ?? NeighborChoice.DefaultK;
        var choice = new NeighborChoice(structure, k, structure == NeighborStructure.Approx ? Index(request, faceCount) : null);
        foreach (var setting in settings)
        {
            var (needed, why) = graphForm.NeighborsNeeded(setting);
            if (k < needed && k < faceCount - 1)
            {
                throw new FaceEvalException(ErrorKind.Usage, string.Create(CultureInfo.InvariantCulture,
                    $"--k {k}{(request.K is null ? " (the default)" : "")} is too small for {why}: pass --k {needed} or more"));
            }
        }

        return choice;
    }

    /// <summary>
    /// The graph `faceeval neighbors` builds: the request's structure (exact or approx), else the default for
    /// the size, exact where that would be the full matrix. Full and options without effect are usage errors.
    /// </summary>
    public static NeighborChoice ResolveGraph(NeighborRequest request, int faceCount)
    {
        ArgumentNullException.ThrowIfNull(request);
        var structure = request.Structure ?? (DefaultStructure(faceCount) == NeighborStructure.Full ? NeighborStructure.Exact : DefaultStructure(faceCount));
        if (structure == NeighborStructure.Full)
        {
            throw new FaceEvalException(ErrorKind.Usage, "--neighbors full: the full matrix is not a graph to build; use --neighbors exact or approx");
        }

        if (structure != NeighborStructure.Approx && request.IndexOptionsGiven() is { Count: > 0 } given)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"{string.Join(", ", given)} has no effect with --neighbors {RecordedNeighbors.Name(structure)}: only approx has an index");
        }

        return new NeighborChoice(structure, request.K ?? NeighborChoice.DefaultK, structure == NeighborStructure.Approx ? Index(request, faceCount) : null);
    }

    /// <summary>The approx index's parameters: the request's where given, the defaults for the size elsewhere.</summary>
    public static IvfParameters Index(NeighborRequest request, int faceCount)
    {
        ArgumentNullException.ThrowIfNull(request);
        var p = IvfParameters.For(faceCount, request.Nlist, request.Nprobe, request.RecallQueries, request.RecallFloor);
        return request.IndexSeed is { } seed ? new IvfParameters(p.Nlist, p.Nprobe, seed, p.RecallQueries, p.RecallFloor) : p;
    }

    /// <summary>One line saying which structure a run uses and why, e.g. for stderr.</summary>
    public static string Describe(NeighborChoice choice, NeighborRequest request, int faceCount)
    {
        var why = request.Structure is not null ? "--neighbors"
            : choice.Structure == NeighborStructure.Approx ? $"the default beyond {Count(ExactMaxCount)} faces"
            : choice.IsGraph ? $"the default beyond {Count(DistanceMatrix.MaxCount)} faces, up to {Count(ExactMaxCount)}"
            : $"the default up to {Count(DistanceMatrix.MaxCount)} faces";
        return $"neighbours: {choice} ({why}; {Count(faceCount)} faces)";
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
