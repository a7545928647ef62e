using System.Security.Cryptography;
using FaceEval.Core.Errors;

namespace FaceEval.Labeling.Server;

/// <summary>Where and how the labelling server listens. Validate once with <see cref="Validate"/>.</summary>
/// <param name="Port">Loopback port; 0 picks a free one.</param>
/// <param name="Token">Access token every request must carry; null makes a random one.</param>
public sealed record LabelServerOptions(int Port = 0, string? Token = null)
{
    public LabelServerOptions Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new FaceEvalException(ErrorKind.Usage, $"--port must be 0..65535 (0 = any free port), got {Port}");
        }

        if (Token is not null && (Token.Length < 8 || !Token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new FaceEvalException(ErrorKind.Usage, "--token must be at least 8 characters of letters, digits, '-' or '_'");
        }

        return this;
    }

    /// <summary>The given token, or 128 random bits as hex.</summary>
    public string TokenOrRandom() => Token ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
