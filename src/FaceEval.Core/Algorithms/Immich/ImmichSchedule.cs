using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// A sequence of Immich facial-recognition jobs run one after another on the same library, such as the
/// large-library procedure Immich's documentation recommends: <c>reset:minFaces=20, missing:minFaces=10,
/// missing:minFaces=3</c>. The options record of <see cref="ImmichAlgorithm"/>; valid by construction (its
/// runs check themselves against <see cref="Parameters"/>).
/// </summary>
public sealed record ImmichSchedule
{
    /// <summary>Name, default, range and meaning of each setting, as --set, sweeps and <c>faceeval algorithms</c> know them; every <see cref="ImmichRun"/> checks its values against this.</summary>
    public static IReadOnlyList<ParameterSpec> Parameters { get; } =
    [
        ParameterSpec.Real("maxDistance", ImmichRun.DefaultMaxDistance, 0.000001, 2, "a face matches another when their cosine distance is <= maxDistance"),
        ParameterSpec.Integer("minFaces", ImmichRun.DefaultMinFaces, 1, 1000, "matches within maxDistance, the face itself included, that make a face core"),
        ParameterSpec.Text("schedule", "", "runs in order, e.g. \"reset:minFaces=20, missing:minFaces=10, missing:minFaces=3\"; a step is reset|missing[:minFaces=N][:maxDistance=X]; empty = one reset run",
            text => { _ = From(text, ImmichRun.DefaultMaxDistance, ImmichRun.DefaultMinFaces); return null; }),
    ];

    public ImmichSchedule(IReadOnlyList<ImmichRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new FaceEvalException(ErrorKind.Usage, "an immich schedule needs at least one run");
        }

        foreach (var run in runs)
        {
            ArgumentNullException.ThrowIfNull(run);
        }

        Runs = runs.ToArray();
    }

    public IReadOnlyList<ImmichRun> Runs { get; }

    /// <summary>A setting as --set and sweeps give it: the schedule text, whose steps default to maxDistance and minFaces.</summary>
    public static ImmichSchedule From(ParameterSet parameters) =>
        From(parameters.Text("schedule"), parameters.Real("maxDistance"), parameters.Integer("minFaces"));

    /// <summary>A single job: by default the "reset" run of a fresh library.</summary>
    public static ImmichSchedule Single(ImmichMode mode = ImmichMode.Reset, double maxDistance = ImmichRun.DefaultMaxDistance, int minFaces = ImmichRun.DefaultMinFaces) =>
        new([new ImmichRun(mode, maxDistance, minFaces)]);

    /// <summary>
    /// Parses <c>step[, step ...]</c> where a step is <c>reset|missing</c> followed by any of
    /// <c>:minFaces=N</c> and <c>:maxDistance=X</c> (names case-insensitive, numbers in invariant culture).
    /// Missing settings take the given defaults. Errors name the offending step.
    /// </summary>
    public static ImmichSchedule Parse(string text, double defaultMaxDistance = ImmichRun.DefaultMaxDistance, int defaultMinFaces = ImmichRun.DefaultMinFaces)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FaceEvalException(ErrorKind.Usage, "empty immich schedule; expected e.g. 'reset:minFaces=20, missing:minFaces=10, missing:minFaces=3'");
        }

        var runs = new List<ImmichRun>();
        foreach (var rawStep in text.Split(','))
        {
            var step = rawStep.Trim();
            var parts = step.Split(':');
            var mode = parts[0].Trim().ToLowerInvariant() switch
            {
                "reset" => ImmichMode.Reset,
                "missing" => ImmichMode.Missing,
                _ => throw new FaceEvalException(ErrorKind.Usage, $"immich schedule step '{step}': mode must be reset or missing"),
            };

            var maxDistance = defaultMaxDistance;
            var minFaces = defaultMinFaces;
            var seen = new HashSet<string>();
            foreach (var setting in parts.Skip(1))
            {
                var kv = setting.Split('=');
                var key = kv[0].Trim().ToLowerInvariant();
                if (kv.Length != 2 || !seen.Add(key))
                {
                    throw new FaceEvalException(ErrorKind.Usage, $"immich schedule step '{step}': '{setting}' is not a single key=value (keys: minFaces, maxDistance)");
                }

                var value = kv[1].Trim();
                switch (key)
                {
                    case "minfaces":
                        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out minFaces))
                        {
                            throw new FaceEvalException(ErrorKind.Usage, $"immich schedule step '{step}': minFaces '{value}' is not an integer");
                        }

                        break;
                    case "maxdistance":
                        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out maxDistance))
                        {
                            throw new FaceEvalException(ErrorKind.Usage, $"immich schedule step '{step}': maxDistance '{value}' is not a number");
                        }

                        break;
                    default:
                        throw new FaceEvalException(ErrorKind.Usage, $"immich schedule step '{step}': unknown setting '{kv[0].Trim()}' (valid: minFaces, maxDistance)");
                }
            }

            try
            {
                runs.Add(new ImmichRun(mode, maxDistance, minFaces));
            }
            catch (FaceEvalException e)
            {
                throw new FaceEvalException(e.Kind, $"immich schedule step '{step}': {e.Message}");
            }
        }

        return new ImmichSchedule(runs);
    }

    public override string ToString() => string.Join(", ", Runs);

    private static ImmichSchedule From(string text, double maxDistance, int minFaces) =>
        string.IsNullOrWhiteSpace(text) ? Single(ImmichMode.Reset, maxDistance, minFaces) : Parse(text, maxDistance, minFaces);
}
