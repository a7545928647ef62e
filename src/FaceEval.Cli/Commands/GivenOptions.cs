using System.CommandLine;
using FaceEval.Core.Errors;

namespace FaceEval.Cli.Commands;

/// <summary>
/// Tells options typed on the command line from defaulted ones, so a command can refuse an option that
/// would have no effect in this combination instead of ignoring it. Defaults (a DefaultValueFactory or a
/// value from eval.config.json) never count as given: only what the user wrote can be "ignored".
/// </summary>
internal static class GivenOptions
{
    public static bool IsGiven(this ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    public static Option[] Given(this ParseResult parse, params Option[] options) => options.Where(parse.IsGiven).ToArray();

    public static bool AnyGiven(this ParseResult parse, params Option[] options) => options.Any(parse.IsGiven);

    /// <summary>A usage error naming every given option of <paramref name="options"/>, followed by <paramref name="why"/>; nothing when none was given.</summary>
    public static void Refuse(this ParseResult parse, string why, params Option[] options)
    {
        var given = parse.Given(options);
        if (given.Length > 0)
        {
            throw NotApplicable(given.Select(o => o.Name), why);
        }
    }

    /// <summary>The given options of both groups, when at least one of each was given: they cannot be combined.</summary>
    public static void RefuseTogether(this ParseResult parse, Option[] first, Option[] second, string why)
    {
        var a = parse.Given(first);
        var b = parse.Given(second);
        if (a.Length > 0 && b.Length > 0)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"{Names(a.Select(o => o.Name))} cannot be combined with {Names(b.Select(o => o.Name))}: {why}");
        }
    }

    public static FaceEvalException NotApplicable(IEnumerable<string> names, string why)
    {
        var list = names.ToArray();
        return new FaceEvalException(ErrorKind.Usage, $"{Names(list)} {(list.Length == 1 ? "has" : "have")} no effect {why}");
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names);
}
