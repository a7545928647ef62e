using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using FaceEval.Core.Errors;

namespace FaceEval.Inference.Runtime;

/// <summary>
/// One loaded ONNX Runtime library and its process-wide environment, reached through the stable C
/// API (<c>OrtGetApiBase</c> -> <c>GetApi</c> -> function table). Loaded once per library path and
/// kept for the life of the process; create any number of sessions from it.
/// </summary>
public sealed unsafe class OrtRuntime
{
    private const int LoggingLevelError = 3;

    private static readonly ConcurrentDictionary<string, Lazy<OrtRuntime>> Loaded = new(StringComparer.Ordinal);

    private readonly EnvHandle _env;

    private OrtRuntime(string libraryPath, string version, OrtApi api)
    {
        LibraryPath = libraryPath;
        Version = version;
        Api = api;
        _env = api.CreateEnv(LoggingLevelError, "faceeval");
        AvailableProviders = api.GetAvailableProviders();
    }

    public string LibraryPath { get; }

    /// <summary>The library's own version string, e.g. "1.23.2".</summary>
    public string Version { get; }

    public int ApiVersion => (int)Api.Version;

    /// <summary>Execution providers compiled into the library, e.g. CPUExecutionProvider.</summary>
    public IReadOnlyList<string> AvailableProviders { get; }

    internal OrtApi Api { get; }

    /// <summary>Loads the library chosen by <see cref="OrtLibraryLocator.Resolve"/>.</summary>
    public static OrtRuntime Load(string? explicitLibraryPath = null, string? repositoryRoot = null)
    {
        var path = OrtLibraryLocator.Resolve(explicitLibraryPath, repositoryRoot);
        try
        {
            return Loaded.GetOrAdd(path, p => new Lazy<OrtRuntime>(() => Open(p))).Value;
        }
        catch (FaceEvalException)
        {
            Loaded.TryRemove(path, out _);
            throw;
        }
    }

    public InferenceSession CreateSession(string modelPath, SessionSettings? settings = null)
    {
        settings ??= SessionSettings.Default;
        settings.Validate();
        if (!File.Exists(modelPath))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"model file not found: {modelPath}");
        }

        using var options = Api.CreateSessionOptions();
        Api.SetIntraOpNumThreads(options, settings.IntraOpThreads);
        Api.SetGraphOptimizationLevel(options, (int)settings.Optimization);
        if (settings.Device.Kind == DeviceKind.Cuda)
        {
            AppendCuda(options, settings.Device.Index, checkProviders: true);
        }

        var session = Api.CreateSession(_env, Path.GetFullPath(modelPath), options);
        return new InferenceSession(this, session, modelPath);
    }

    /// <summary>Appends the CUDA provider; <paramref name="checkProviders"/> = false lets tests reach the native refusal.</summary>
    internal void AppendCuda(SessionOptionsHandle options, int deviceIndex, bool checkProviders)
    {
        if (checkProviders && !AvailableProviders.Contains("CUDAExecutionProvider"))
        {
            throw new FaceEvalException(ErrorKind.NativeRuntime,
                $"--device cuda:{deviceIndex}: ONNX Runtime {Version} at {LibraryPath} has no CUDA execution provider (it has {string.Join(", ", AvailableProviders)}); set ${OrtLibraryLocator.EnvironmentVariable} to a GPU build, e.g. the libonnxruntime.so from NuGet's Microsoft.ML.OnnxRuntime.Gpu");
        }

        try
        {
            Api.AppendCudaProvider(options, deviceIndex);
        }
        catch (FaceEvalException e) when (e.Kind == ErrorKind.NativeRuntime)
        {
            // CPU packages such as onnxruntime-node list CUDA but lack its provider libraries.
            throw new FaceEvalException(ErrorKind.NativeRuntime,
                $"--device cuda:{deviceIndex}: ONNX Runtime {Version} at {LibraryPath} cannot use CUDA (CUDA provider libraries, driver or GPU missing): {e.Message}", e);
        }
    }

    private static OrtRuntime Open(string path)
    {
        nint library;
        try
        {
            library = NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            throw new FaceEvalException(ErrorKind.NativeRuntime, $"cannot load ONNX Runtime library {path}: {OrtApi.OneLine(e.Message)}", e);
        }

        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
        {
            throw new FaceEvalException(ErrorKind.NativeRuntime, $"{path} is not an ONNX Runtime library: it does not export OrtGetApiBase");
        }

        // struct OrtApiBase { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }
        var apiBase = ((delegate* unmanaged[Cdecl]<nint*>)getApiBase)();
        var getApi = (delegate* unmanaged[Cdecl]<uint, void**>)apiBase[0];
        var getVersion = (delegate* unmanaged[Cdecl]<nint>)apiBase[1];
        var version = Marshal.PtrToStringUTF8(getVersion()) ?? "unknown";

        // A newer library serves our version as is; an older one may only know earlier versions, whose
        // tables still have every slot we use down to MinimumApiVersion.
        for (var v = OrtApi.PreferredApiVersion; v >= OrtApi.MinimumApiVersion; v--)
        {
            var table = getApi(v);
            if (table is not null)
            {
                return new OrtRuntime(path, version, new OrtApi(table, v));
            }
        }

        throw new FaceEvalException(ErrorKind.NativeRuntime,
            $"ONNX Runtime {version} at {path} supports none of C API versions {OrtApi.MinimumApiVersion}..{OrtApi.PreferredApiVersion}; use onnxruntime 1.16 or newer");
    }
}
