using System.Globalization;
using System.Runtime.CompilerServices;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// How an options record reads its own parameter declaration (its static <c>Parameters</c>): the checks
/// its init accessors run and the defaults its properties start from. A property finds its parameter by
/// its own name (case-insensitive), so the name, default and range are written once, in the declaration.
/// </summary>
public static class DeclaredParameters
{
    public static double Checked(this IReadOnlyList<ParameterSpec> parameters, double value, [CallerMemberName] string name = "") =>
        parameters.Named(name).Check(value);

    public static int Checked(this IReadOnlyList<ParameterSpec> parameters, int value, [CallerMemberName] string name = "") =>
        (int)parameters.Named(name).Check(value);

    public static TEnum Checked<TEnum>(this IReadOnlyList<ParameterSpec> parameters, TEnum value, [CallerMemberName] string name = "")
        where TEnum : struct, Enum =>
        parameters.Named(name).Check(value);

    public static double DefaultReal(this IReadOnlyList<ParameterSpec> parameters, string name) =>
        double.Parse(parameters.Named(name).Default, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static int DefaultInteger(this IReadOnlyList<ParameterSpec> parameters, string name) =>
        checked((int)parameters.DefaultReal(name));

    public static bool DefaultBoolean(this IReadOnlyList<ParameterSpec> parameters, string name) =>
        parameters.Named(name).Default == "true";

    public static TEnum DefaultChoice<TEnum>(this IReadOnlyList<ParameterSpec> parameters, string name)
        where TEnum : struct, Enum
    {
        var text = parameters.Named(name).Default;
        return Enum.GetValues<TEnum>().First(v => ParameterSpec.ChoiceName(v) == text);
    }

    private static ParameterSpec Named(this IReadOnlyList<ParameterSpec> parameters, string name) =>
        parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"no declared parameter '{name}'");
}
