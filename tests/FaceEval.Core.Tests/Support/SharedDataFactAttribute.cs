namespace FaceEval.Core.Tests.Support;

/// <summary>A fact that is skipped (not failed) when the shared research data is not on this machine.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        if (!File.Exists(SharedData.PathOf(relativePath)))
        {
            Skip = $"{SharedData.PathOf(relativePath)} is absent";
        }
    }
}
