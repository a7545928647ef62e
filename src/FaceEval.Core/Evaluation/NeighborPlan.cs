using System.Globalization;
using FaceEval.Core.Algorithms;
using FaceEval.Core.Embeddings;
using FaceEval.Core.Errors;
using FaceEval.Core.Neighbors;

namespace FaceEval.Core.Evaluation;

/// <summary>
/// Turns a <see cref="NeighborRequest"/> into the structure a run uses. Default: the full matrix up to
/// <see cref="DistanceMatrix.MaxCount"/> faces (its every pair, today's results), the exact graph with
/// k = <see cref="NeighborChoice.DefaultK"/> beyond. Every combination that would leave an option
/// without effect, or an algorithm without the structure it needs, is a one-line usage error.
/// </summary>
public static class NeighborPlan
{
    /// <summary>The choice for <paramref name="faceCount"/> faces and every setting the job will run.</summary>
    public static NeighborChoice Resolve(NeighborRequest request, IClusteringAlgorithm algorithm, IEnumerable<ParameterSet> settings, int faceCount)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(algorithm);
        var name = AlgorithmNames.Name(algorithm.Kind);
        var structure = request.Structure ?? (faceCount <= DistanceMatrix.MaxCount ? NeighborStructure.Full : NeighborStructure.Exact);
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
        var choice = new NeighborChoice(structure, k);
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

    /// <summary>One line saying which structure a run uses and why, e.g. for stderr.</summary>
    public static string Describe(NeighborChoice choice, NeighborRequest request, int faceCount)
    {
        var why = request.Structure is not null ? "--neighbors"
            : choice.IsGraph ? $"the default beyond {Count(DistanceMatrix.MaxCount)} faces"
            : $"the default up to {Count(DistanceMatrix.MaxCount)} faces";
        return $"neighbours: {choice} ({why}; {Count(faceCount)} faces)";
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
