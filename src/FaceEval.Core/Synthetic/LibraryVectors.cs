using FaceEval.Core.Snapshots;

namespace FaceEval.Core.Synthetic;

/// <summary>
/// The library profile's vectors, produced in file order a batch of families at a time. A face is
///   f = normalise( sqrt(mu) m + sqrt(1 - mu) (a c + sqrt(1 - a^2) n) )
/// with m the direction all faces share (mu = MeanCosine), c its person's centre, n fresh noise and
/// a = 1 - d, where d, the face's distance to its centre, is log-normal (median FaceDistance, sigma
/// FaceSpread, at most 0.95). A child's centre leans on its family's direction F,
///   c = normalise( sqrt(w) F + sqrt(1 - w) u ),
/// so two siblings' centres have cosine sqrt(w1 w2). Each child's w is log-normal (median
/// 1 - SiblingCentroidDistance, sigma SiblingSpread, at most 0.9), because real siblings differ in how
/// alike they look (FIW: a sibling pair's mean face distance ranges 0.69..0.94 over the middle 90% of
/// pairs). Parents and strangers have centres of their own. Every
/// direction is drawn from <see cref="EmbeddingSpace"/>. Each family draws from its own generator,
/// so the two cores can share a batch and the bytes do not depend on how.
/// </summary>
internal sealed class LibraryVectors(LibraryOptions options, LibraryGenerator.Identity[] identities, int[] faceIdentity, int[] familyStart)
{
    private const int VectorStream = 1;
    private const int MeanStream = 3;
    private const int BatchFaces = 16_384;
    private const double MaxLean = 0.9; // even twins keep a centre of their own

    private readonly EmbeddingSpace _space = new(options.Dimension, options.EffectiveDimension);

    public IEnumerable<ReadOnlyMemory<float>> Blocks()
    {
        var d = options.Dimension;
        var mean = new float[d];
        var meanRng = new SplitRandom(options.Seed, MeanStream, 0);
        _space.RandomUnit(ref meanRng, mean);
        var families = familyStart.Length - 1;
        float[]? buffer = null;
        for (var first = 0; first < families;)
        {
            var last = first + 1;
            while (last < families && familyStart[last + 1] - familyStart[first] <= BatchFaces)
            {
                last++;
            }

            var faces = familyStart[last] - familyStart[first];
            if (buffer is null || buffer.Length < faces * d)
            {
                buffer = new float[Math.Max(faces, BatchFaces) * d];
            }

            var batch = buffer;
            var offset = familyStart[first];
            Parallel.For(first, last, f => Family(f, batch.AsSpan((familyStart[f] - offset) * d, (familyStart[f + 1] - familyStart[f]) * d), mean));
            yield return batch.AsMemory(0, faces * d);
            first = last;
        }
    }

    private void Family(int family, Span<float> output, float[] mean)
    {
        var d = options.Dimension;
        var rng = new SplitRandom(options.Seed, VectorStream, family);
        var familyDirection = new float[d];
        _space.RandomUnit(ref rng, familyDirection);

        // Centres in the order the faces' identities first appear: deterministic, and a family's
        // identities are few, so a small map suffices.
        var centres = new Dictionary<int, float[]>();
        var noise = new float[d];
        var (sqrtMu, sqrtRest) = ((float)Math.Sqrt(options.MeanCosine), (float)Math.Sqrt(1 - options.MeanCosine));
        for (var i = 0; i < output.Length / d; i++)
        {
            var identity = faceIdentity[familyStart[family] + i];
            if (!centres.TryGetValue(identity, out var centre))
            {
                centre = Centre(ref rng, identities[identity].Member, familyDirection);
                centres[identity] = centre;
            }

            var distance = Math.Min(0.95, options.FaceDistance * Math.Exp(options.FaceSpread * rng.NextGaussian()));
            var a = (float)(1 - distance);
            var b = (float)Math.Sqrt(1 - (double)a * a);
            _space.RandomUnit(ref rng, noise);
            var row = output.Slice(i * d, d);
            for (var k = 0; k < d; k++)
            {
                row[k] = sqrtMu * mean[k] + sqrtRest * (a * centre[k] + b * noise[k]);
            }

            EmbeddingSpace.Normalize(row);
        }
    }

    private float[] Centre(ref SplitRandom rng, int member, float[] familyDirection)
    {
        var centre = new float[options.Dimension];
        _space.RandomUnit(ref rng, centre);
        if (member >= 2)
        {
            var w = Math.Min(MaxLean, (1 - options.SiblingCentroidDistance) * Math.Exp(options.SiblingSpread * rng.NextGaussian()));
            var (lean, own) = ((float)Math.Sqrt(w), (float)Math.Sqrt(1 - w));
            for (var k = 0; k < centre.Length; k++)
            {
                centre[k] = lean * familyDirection[k] + own * centre[k];
            }

            EmbeddingSpace.Normalize(centre);
        }

        return centre;
    }
}
