using FaceEval.Core.Sweeps;

namespace FaceEval.Reports.Jobs;

/// <summary>Reads a sweep.json written by <see cref="SweepWriter"/> back into a <see cref="SweepResult"/>, through Core's record of the format.</summary>
public static class SweepFile
{
    public static SweepResult Read(string path) => SweepWriter.ReadJson(path);
}
