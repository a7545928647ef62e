using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// A sequence of Immich facial-recognition jobs run one after another on the same library, such as the
/// large-library procedure Immich's documentation recommends: <c>reset:minFaces=20, missing:minFaces=10,
/// missing:minFaces=3</c>.
/// </summary>
public sealed record ImmichSchedule
{
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
            run.Validate();
        }

        Runs = runs.ToArray();
    }

    public IReadOnlyList<ImmichRun> Runs { get; }

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
                runs.Add(new ImmichRun(mode, maxDistance, minFaces).Validate());
            }
            catch (FaceEvalException e)
            {
                throw new FaceEvalException(e.Kind, $"immich schedule step '{step}': {e.Message}");
            }
        }

        return new ImmichSchedule(runs);
    }

    public override string ToString() => string.Join(", ", Runs);
}
