using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// One tunable parameter of an algorithm: its name as typed in <c>--set name=value</c>, its type, its
/// valid range and default, and a description that states units and the comparison it is used with.
/// </summary>
public sealed record ParameterSpec(
    string Name,
    ParameterKind Kind,
    string Default,
    string Description,
    double Min = double.NegativeInfinity,
    double Max = double.PositiveInfinity,
    IReadOnlyList<string>? Choices = null,
    Func<string, string?>? Validate = null,
    bool AboveMin = false)
{
    /// <param name="aboveMin">Min itself is refused (an open lower bound, e.g. a purity that must be positive).</param>
    public static ParameterSpec Real(string name, double @default, double min, double max, string description, bool aboveMin = false) =>
        new(name, ParameterKind.Real, Format(@default), description, min, max, AboveMin: aboveMin);

    public static ParameterSpec Integer(string name, int @default, int min, int max, string description) =>
        new(name, ParameterKind.Integer, Format(@default), description, min, max);

    public static ParameterSpec Choice<TEnum>(string name, TEnum @default, string description)
        where TEnum : struct, Enum =>
        new(name, ParameterKind.Choice, ChoiceName(@default), description,
            Choices: Enum.GetValues<TEnum>().Select(ChoiceName).ToArray());

    public static ParameterSpec Boolean(string name, bool @default, string description) =>
        new(name, ParameterKind.Choice, @default ? "true" : "false", description, Choices: ["true", "false"]);

    public static ParameterSpec Text(string name, string @default, string description, Func<string, string?> validate) =>
        new(name, ParameterKind.Text, @default, description, Validate: validate);

    /// <summary>Enum member names as kebab-case choice names (ExcessOfMass -> excess-of-mass).</summary>
    public static string ChoiceName<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var s = value.ToString();
        var chars = new System.Text.StringBuilder(s.Length + 4);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsUpper(s[i]) && i > 0)
            {
                chars.Append('-');
            }

            chars.Append(char.ToLowerInvariant(s[i]));
        }

        return chars.ToString();
    }

    /// <summary>
    /// The shortest text that round-trips <paramref name="value"/>, written without an exponent where a
    /// decimal can hold it (0.00001, not 1E-05), so a value prints as a user would have typed it.
    /// </summary>
    public static string Format(double value)
    {
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        return shortest.Contains('E', StringComparison.Ordinal)
            && decimal.TryParse(shortest, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) && exact != 0
            ? exact.ToString("0.############################", CultureInfo.InvariantCulture)
            : shortest;
    }

    /// <summary>A human description of the valid values, for error messages and help.</summary>
    public string Range => Kind switch
    {
        ParameterKind.Real or ParameterKind.Integer => $"{Format(Min)}..{Format(Max)}",
        ParameterKind.Choice => string.Join("|", Choices!),
        _ => "text",
    };

    /// <summary>Checks and canonicalises a value; throws a one-line usage error naming the valid range.</summary>
    public string Normalize(string raw, string algorithm)
    {
        var value = raw.Trim();
        switch (Kind)
        {
            case ParameterKind.Real:
            case ParameterKind.Integer:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    throw Invalid(raw, algorithm, "not a number");
                }

                return Format(Check(number, raw, algorithm));
            case ParameterKind.Choice:
                var choice = Choices!.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
                return choice ?? throw Invalid(raw, algorithm, "not a valid choice");
            default:
                var problem = Validate?.Invoke(value);
                return problem is null ? value : throw Invalid(raw, algorithm, problem);
        }
    }

    /// <summary>
    /// The declared range check, for a number that did not come from text (an options record's init
    /// accessor): throws the same one-line usage error as <see cref="Normalize"/>.
    /// </summary>
    public double Check(double value) => Check(value, Format(value), null);

    /// <summary>A choice given as its enum member: throws a usage error for a value outside the enum.</summary>
    public TEnum Check<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) && Choices!.Contains(ChoiceName(value))
            ? value
            : throw Invalid(value.ToString(), null, "not a valid choice");

    private double Check(double number, string raw, string? algorithm)
    {
        if (!double.IsFinite(number))
        {
            throw Invalid(raw, algorithm, "not a number");
        }

        if (Kind == ParameterKind.Integer && number != Math.Floor(number))
        {
            throw Invalid(raw, algorithm, "not a whole number");
        }

        if (number < Min || number > Max || (AboveMin && number == Min))
        {
            throw Invalid(raw, algorithm, "out of range");
        }

        return number;
    }

    private FaceEvalException Invalid(string raw, string? algorithm, string why) =>
        new(ErrorKind.Usage, $"{(algorithm is null ? "" : algorithm + " ")}parameter {Name}={raw} is {why}; valid: {Range}");
}
