using System.Globalization;
using FaceEval.Core.Errors;

namespace FaceEval.Inference.Runtime;

/// <summary>Where a session runs: the CPU, or CUDA device <see cref="Index"/>.</summary>
public readonly record struct ComputeDevice(DeviceKind Kind, int Index)
{
    public static ComputeDevice Cpu => new(DeviceKind.Cpu, 0);

    /// <summary>Parses <c>cpu</c>, <c>cuda</c> (device 0) or <c>cuda:N</c>.</summary>
    public static ComputeDevice Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t == "cpu")
        {
            return Cpu;
        }

        if (t == "cuda")
        {
            return new ComputeDevice(DeviceKind.Cuda, 0);
        }

        if (t.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(t.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return new ComputeDevice(DeviceKind.Cuda, index);
        }

        throw new FaceEvalException(ErrorKind.Usage, $"unknown device '{text}': use cpu, cuda or cuda:N");
    }

    public override string ToString() => Kind == DeviceKind.Cpu ? "cpu" : $"cuda:{Index.ToString(CultureInfo.InvariantCulture)}";
}
