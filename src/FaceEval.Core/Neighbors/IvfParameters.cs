using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Neighbors;

/// <summary>
/// The parameters of the <c>approx</c> structure, an <see cref="InvertedFileIndex"/>: how many k-means
/// lists the faces are split into, how many of its nearest lists each face's query scores, and the seed
/// of the k-means sample and start (and of the recall sample). Valid by construction; the one place that
/// declares their ranges and defaults. Each build also measures its recall on <see cref="RecallQueries"/>
/// sampled faces (<see cref="GraphRecall"/>) and warns below <see cref="RecallFloor"/>; both are kept with
/// the parameters so a replay measures and warns alike.
/// </summary>
public sealed record IvfParameters
{
    /// <summary>Largest list count: training and assigning cost N x nlist dot products each.</summary>
    public const int MaxLists = 65_536;

    /// <summary>The index seed when none is given: documented so a cached graph can be rebuilt bit for bit.</summary>
    public const int DefaultSeed = 42;

    public IvfParameters(int nlist, int nprobe, int seed = DefaultSeed, int recallQueries = GraphRecall.DefaultQueries, double recallFloor = GraphRecall.DefaultFloor)
    {
        if (recallQueries is < 1 or > MaxRecallQueries)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"--recall-queries {N(recallQueries)} is out of range; valid: 1..{N(MaxRecallQueries)}");
        }

        if (!(recallFloor is >= 0 and <= 1))
        {
            throw new FaceEvalException(ErrorKind.Usage, $"--recall-floor {recallFloor.ToString(CultureInfo.InvariantCulture)} is out of range; valid: 0..1");
        }

        if (nlist is < 1 or > MaxLists)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"--nlist {N(nlist)} is out of range; valid: 1..{N(MaxLists)}");
        }

        if (nprobe < 1 || nprobe > nlist)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"--nprobe {N(nprobe)} is out of range; valid: 1..{N(nlist)} (at most --nlist)");
        }

        Nlist = nlist;
        Nprobe = nprobe;
        Seed = seed;
        RecallQueries = recallQueries;
        RecallFloor = recallFloor;
    }

    /// <summary>Largest recall sample: brute force costs N x queries dot products.</summary>
    public const int MaxRecallQueries = 100_000;

    /// <summary>Faces sampled to measure recall@k against brute force.</summary>
    public int RecallQueries { get; }

    /// <summary>Recall@k below which a build warns.</summary>
    public double RecallFloor { get; }

    /// <summary>The warning line for a measured recall below the floor, or null.</summary>
    public string? RecallWarning(RecallReport recall, int k)
    {
        ArgumentNullException.ThrowIfNull(recall);
        return recall.Recall >= RecallFloor ? null : string.Create(CultureInfo.InvariantCulture,
            $"recall@{k} {recall.Recall:0.000} of the approx graph is below the floor {RecallFloor:0.00#} (--recall-floor); raise --nprobe or use --neighbors exact");
    }

    /// <summary>k-means lists the faces are split into.</summary>
    public int Nlist { get; }

    /// <summary>Nearest lists each face's query scores; <see cref="Nlist"/> makes the search exhaustive (exact).</summary>
    public int Nprobe { get; }

    /// <summary>Seed of every random step of the build (k-means sample and start, recall sample).</summary>
    public int Seed { get; }

    /// <summary>
    /// Lists for <paramref name="faceCount"/> faces: about 2 x sqrt(N) (2,000 at 1M), so a list holds ~sqrt(N)/2
    /// faces, enough for the kernel's matrix products, and assigning N faces to lists stays a small part of the build.
    /// </summary>
    public static int DefaultNlist(int faceCount) => Math.Clamp((int)Math.Round(2 * Math.Sqrt(Math.Max(1, faceCount))), 1, MaxLists);

    /// <summary>
    /// Probed lists for <paramref name="nlist"/> lists: one in 32, so 1M faces build in ~875 CPU seconds (under
    /// 10 minutes on two free cores) at recall@32 0.80 (0.97 within distance 0.6); see docs/neighbors.md.
    /// </summary>
    public static int DefaultNprobe(int nlist) => Math.Clamp((nlist + 31) / 32, 1, nlist);

    /// <summary>The defaults for <paramref name="faceCount"/> faces, with <paramref name="nlist"/>/<paramref name="nprobe"/> where given.</summary>
    public static IvfParameters For(int faceCount, int? nlist = null, int? nprobe = null, int? recallQueries = null, double? recallFloor = null)
    {
        var lists = nlist ?? Math.Min(DefaultNlist(faceCount), Math.Max(1, faceCount));
        return new IvfParameters(lists, nprobe ?? DefaultNprobe(lists), DefaultSeed, recallQueries ?? GraphRecall.DefaultQueries, recallFloor ?? GraphRecall.DefaultFloor);
    }

    /// <summary>As the CLI spells them: <c>nlist=2000 nprobe=63</c>.</summary>
    public override string ToString() => $"nlist={N(Nlist)} nprobe={N(Nprobe)}";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
