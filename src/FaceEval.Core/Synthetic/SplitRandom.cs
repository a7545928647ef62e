namespace FaceEval.Core.Synthetic;

/// <summary>
/// xoshiro256** seeded through SplitMix64 from (seed, stream, index): every family draws from its own
/// generator, so families can be generated in any order or in parallel and still give the same bytes.
/// System.Random cannot be split like that, and its seeded algorithm is kept only for compatibility.
/// </summary>
internal struct SplitRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spare;
    private bool _hasSpare;

    public SplitRandom(int seed, int stream, long index)
    {
        var x = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)(uint)stream << 8) ^ 0x9E3779B97F4A7C15UL);
        x = Mix(x) ^ unchecked((ulong)index);
        _s0 = Mix(ref x);
        _s1 = Mix(ref x);
        _s2 = Mix(ref x);
        _s3 = Mix(ref x);
        _spare = 0;
        _hasSpare = false;
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in 0..n-1 (n at most 2^31; the bias of a 64-bit multiply-shift is below 2^-32).</summary>
    public int NextInt(int n) => (int)(((UInt128)NextUInt64() * (ulong)n) >> 64);

    /// <summary>Standard normal (Box-Muller, both values of a pair used).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        var r = Math.Sqrt(-2 * Math.Log(1 - NextDouble()));
        var (sin, cos) = Math.SinCos(2 * Math.PI * NextDouble());
        _spare = r * sin;
        _hasSpare = true;
        return r * cos;
    }

    private static ulong Mix(ref ulong x)
    {
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        return Mix(x);
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
