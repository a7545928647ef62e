using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// A complete, validated assignment of values to an algorithm's parameters, in the order the algorithm
/// declares them. Values are kept in canonical text form (invariant culture) so that a setting prints,
/// serialises and compares the same way everywhere; typed getters read them back.
/// </summary>
public sealed class ParameterSet
{
    private readonly IReadOnlyList<ParameterSpec> _specs;
    private readonly Dictionary<string, string> _values;

    private ParameterSet(string algorithm, IReadOnlyList<ParameterSpec> specs, Dictionary<string, string> values)
    {
        Algorithm = algorithm;
        _specs = specs;
        _values = values;
    }

    public string Algorithm { get; }

    /// <summary>Name/value pairs in declaration order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Values =>
        _specs.Select(s => new KeyValuePair<string, string>(s.Name, _values[s.Name]));

    /// <summary>
    /// Defaults, then each layer of overrides in turn (e.g. eval.config.json, then --set). Unknown names
    /// and invalid values are one-line errors that list the valid choices.
    /// </summary>
    public static ParameterSet Create(string algorithm, IReadOnlyList<ParameterSpec> specs, params IEnumerable<KeyValuePair<string, string>>[] overrides)
    {
        var values = specs.ToDictionary(s => s.Name, s => s.Default, StringComparer.Ordinal);
        var set = new ParameterSet(algorithm, specs, values);
        foreach (var layer in overrides)
        {
            foreach (var (name, value) in layer)
            {
                values[set.Spec(name).Name] = set.Spec(name).Normalize(value, algorithm);
            }
        }

        return set;
    }

    /// <summary>Parses <c>key=value</c> items as typed after <c>--set</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ParseAssignments(IEnumerable<string> items)
    {
        // Names match case-insensitively (see Spec), and the later of two would silently replace the earlier.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var eq = item.IndexOf('=');
            if (eq <= 0)
            {
                throw new FaceEvalException(ErrorKind.Usage, $"'{item}' is not of the form key=value");
            }

            var key = item[..eq].Trim();
            if (!seen.Add(key))
            {
                throw new FaceEvalException(ErrorKind.Usage, $"--set {key} is given more than once");
            }

            yield return new(key, item[(eq + 1)..].Trim());
        }
    }

    public ParameterSet With(string name, string value)
    {
        var spec = Spec(name);
        var values = new Dictionary<string, string>(_values, StringComparer.Ordinal) { [spec.Name] = spec.Normalize(value, Algorithm) };
        return new ParameterSet(Algorithm, _specs, values);
    }

    public ParameterSpec Spec(string name) =>
        _specs.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new FaceEvalException(ErrorKind.UnknownName,
            $"unknown {Algorithm} parameter '{name}'; valid: {string.Join(", ", _specs.Select(s => s.Name))}");

    public string Text(string name) => _values[Spec(name).Name];

    public double Real(string name) => double.Parse(Text(name), NumberStyles.Float, CultureInfo.InvariantCulture);

    public int Integer(string name) => checked((int)Real(name));

    public bool Boolean(string name) => Text(name) == "true";

    public TEnum Choice<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var text = Text(name);
        return Enum.GetValues<TEnum>().First(v => ParameterSpec.ChoiceName(v) == text);
    }

    public override string ToString() => string.Join(" ", Values.Select(kv => $"{kv.Key}={kv.Value}"));
}
