namespace FaceEval.Core.Synthetic;

/// <summary>
/// A discrete power law on 1..max: P(n) proportional to n^-exponent, sampled by inverting its
/// cumulative table. With exponent 2 and max 10,000 the mean is about 6 faces, three people in four
/// have one or two, and the top 1% of people hold about half of all faces.
/// </summary>
internal sealed class FaceCountDistribution
{
    private readonly double[] _cumulative;

    public FaceCountDistribution(double exponent, int max)
    {
        _cumulative = new double[max];
        double sum = 0;
        for (var n = 1; n <= max; n++)
        {
            sum += Math.Pow(n, -exponent);
            _cumulative[n - 1] = sum;
        }
    }

    public int Sample(ref SplitRandom rng)
    {
        var u = rng.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, u);
        var first = i >= 0 ? i + 1 : ~i; // the first n whose cumulative weight exceeds u
        return Math.Min(first, _cumulative.Length - 1) + 1;
    }

    /// <summary>P(1) / (P(1) + P(2)): a stranger's chance of one face rather than two.</summary>
    public double OneOfTwo => 1 / (1 + (_cumulative.Length > 1 ? _cumulative[1] - _cumulative[0] : 0));
}
