namespace FaceEval.Inference.Tests;

/// <summary>
/// A fact that is skipped (with the reason) when the ONNX Runtime library, a model file of
/// ../shared/models or a ../shared dataset folder it needs is absent.
/// </summary>
public sealed class NeedsFactAttribute : FactAttribute
{
    public NeedsFactAttribute(params string[] modelFiles)
    {
        Models = modelFiles;
        Update();
    }

    public string[] Models { get; }

    /// <summary>A folder under ../shared/datasets, e.g. "lfw".</summary>
    public string? Dataset
    {
        get => _dataset;
        set
        {
            _dataset = value;
            Update();
        }
    }

    public bool WithoutOrt
    {
        get => _withoutOrt;
        set
        {
            _withoutOrt = value;
            Update();
        }
    }

    private string? _dataset;
    private bool _withoutOrt;

    private void Update()
    {
        Skip = null;
        if (!_withoutOrt && !TestPaths.HasOrt)
        {
            Skip = "ONNX Runtime library absent (run ./setup.sh)";
        }
        else if (Models.FirstOrDefault(m => !TestPaths.HasModel(m)) is { } missing)
        {
            Skip = $"../shared/models/{missing} absent";
        }
        else if (_dataset is not null && (TestPaths.Shared is null || !Directory.Exists(Path.Combine(TestPaths.Shared, "datasets", _dataset))))
        {
            Skip = $"../shared/datasets/{_dataset} absent";
        }
    }
}
