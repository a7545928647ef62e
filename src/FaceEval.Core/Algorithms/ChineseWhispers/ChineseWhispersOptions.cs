namespace FaceEval.Core.Algorithms;

/// <summary>Settings of <see cref="ChineseWhispers"/>; valid by construction (see <see cref="Parameters"/>).</summary>
public sealed record ChineseWhispersOptions
{
    /// <summary>Name, default, range and meaning of each setting, as --set, sweeps and <c>faceeval algorithms</c> know them; every property checks its value against this.</summary>
    public static IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Real("threshold", 0.5, 0.000001, 2, "two faces are joined by an edge iff their cosine distance is < threshold"),
        ParameterSpec.Integer("iterations", 100, 1, 100_000, "passes; each makes one random label update per face (dlib's default 100)"),
        ParameterSpec.Choice("edgeWeight", EdgeWeight.Unit, "how an edge votes: unit (dlib) or similarity = 1 - distance"),
        ParameterSpec.Boolean("selfLoops", true, "unit weights only: every face also votes for its own label, like dlib's face example"),
    ];

    public ChineseWhispersOptions(double threshold)
    {
        Threshold = threshold;
    }

    /// <summary>Cosine distance: two faces are joined by an edge iff their distance is strictly below it
    /// (dlib's face clustering example: <c>length(a - b) &lt; threshold</c>).</summary>
    public double Threshold { get; init => field = Parameters.Checked(value); }

    /// <summary>Passes: the algorithm makes <c>Iterations * nodeCount</c> random node updates, as dlib does.</summary>
    public int Iterations { get; init => field = Parameters.Checked(value); } = Parameters.DefaultInteger(nameof(Iterations));

    /// <summary>How an edge votes (default unit, as dlib's <c>sample_pair</c>).</summary>
    public EdgeWeight Weight { get; init => field = Parameters.Checked(value, "edgeWeight"); } = Parameters.DefaultChoice<EdgeWeight>("edgeWeight");

    /// <summary>
    /// Unit weights only: whether every node also votes for its own current label with weight 1, like the
    /// <c>(i, i)</c> edges dlib's face clustering example adds (its loop runs <c>j</c> from <c>i</c>; dlib
    /// stores a self-edge once). Ignored with similarity weights: there a self-loop would weigh 1 (a face's
    /// similarity to itself), more than any real edge, so from the all-distinct start no node would ever
    /// change label.
    /// </summary>
    public bool SelfLoops { get; init; } = Parameters.DefaultBoolean(nameof(SelfLoops));

    public static ChineseWhispersOptions From(ParameterSet parameters) => new(parameters.Real("threshold"))
    {
        Iterations = parameters.Integer("iterations"),
        Weight = parameters.Choice<EdgeWeight>("edgeWeight"),
        SelfLoops = parameters.Boolean("selfLoops"),
    };
}
