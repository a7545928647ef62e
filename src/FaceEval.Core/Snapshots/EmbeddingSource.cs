using FaceEval.Core.Errors;

namespace FaceEval.Core.Snapshots;

/// <summary>A model name and the .npy file holding its embeddings, one row per face.</summary>
public sealed record EmbeddingSource(string Name, string Path)
{
    /// <summary>Parses the command-line form <c>NAME=PATH</c>.</summary>
    public static EmbeddingSource Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"--embeddings expects NAME=PATH.npy, got '{text}'");
        }

        return new EmbeddingSource(text[..eq].Trim(), text[(eq + 1)..].Trim());
    }
}
