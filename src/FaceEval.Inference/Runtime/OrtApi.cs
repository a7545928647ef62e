using System.Runtime.InteropServices;
using System.Text;
using FaceEval.Core.Errors;

namespace FaceEval.Inference.Runtime;

/// <summary>
/// The <c>OrtApi</c> function table of one loaded library, called by slot (see <see cref="OrtApiSlot"/>).
/// Every call returning an <c>OrtStatus*</c> goes through <see cref="Check"/>, which turns a non-null
/// status into a one-line <see cref="FaceEvalException"/> and releases the status.
/// </summary>
internal sealed unsafe class OrtApi
{
    /// <summary>The version our slots were taken from (onnxruntime_c_api.h, v1.23.2).</summary>
    public const uint PreferredApiVersion = 23;

    /// <summary>Oldest API version that has every slot we use (the CUDA V2 calls came last, before 1.16).</summary>
    public const uint MinimumApiVersion = 16;

    private readonly void** _table;

    public OrtApi(void** table, uint version)
    {
        _table = table;
        Version = version;
    }

    public uint Version { get; }

    internal void* Slot(int index) => _table[index];

    public void Check(nint status, string context)
    {
        if (status == 0)
        {
            return;
        }

        var message = Marshal.PtrToStringUTF8(((delegate* unmanaged[Cdecl]<nint, nint>)Slot(OrtApiSlot.GetErrorMessage))(status)) ?? "unknown error";
        ((delegate* unmanaged[Cdecl]<nint, void>)Slot(OrtApiSlot.ReleaseStatus))(status);
        throw new FaceEvalException(ErrorKind.NativeRuntime, $"ONNX Runtime, {context}: {OneLine(message)}");
    }

    internal static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public EnvHandle CreateEnv(int loggingLevel, string logId)
    {
        var handle = new EnvHandle(this);
        nint env;
        fixed (byte* id = Utf8(logId))
        {
            Check(((delegate* unmanaged[Cdecl]<int, byte*, nint*, nint>)Slot(OrtApiSlot.CreateEnv))(loggingLevel, id, &env), "creating the environment");
        }

        handle.Attach(env);
        return handle;
    }

    public SessionOptionsHandle CreateSessionOptions()
    {
        var handle = new SessionOptionsHandle(this);
        nint options;
        Check(((delegate* unmanaged[Cdecl]<nint*, nint>)Slot(OrtApiSlot.CreateSessionOptions))(&options), "creating session options");
        handle.Attach(options);
        return handle;
    }

    public void SetIntraOpNumThreads(SessionOptionsHandle options, int threads) =>
        Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)Slot(OrtApiSlot.SetIntraOpNumThreads))(options.DangerousGetHandle(), threads), "setting intra-op threads");

    public void SetGraphOptimizationLevel(SessionOptionsHandle options, int level) =>
        Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)Slot(OrtApiSlot.SetSessionGraphOptimizationLevel))(options.DangerousGetHandle(), level), "setting the graph optimisation level");

    public IReadOnlyList<string> GetAvailableProviders()
    {
        nint* names;
        int count;
        Check(((delegate* unmanaged[Cdecl]<nint**, int*, nint>)Slot(OrtApiSlot.GetAvailableProviders))(&names, &count), "listing execution providers");
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Marshal.PtrToStringUTF8(names[i]) ?? "";
        }

        Check(((delegate* unmanaged[Cdecl]<nint*, int, nint>)Slot(OrtApiSlot.ReleaseAvailableProviders))(names, count), "releasing the provider list");
        return result;
    }

    public void AppendCudaProvider(SessionOptionsHandle options, int deviceId)
    {
        using var cuda = new CudaProviderOptionsHandle(this);
        nint cudaOptions;
        Check(((delegate* unmanaged[Cdecl]<nint*, nint>)Slot(OrtApiSlot.CreateCUDAProviderOptions))(&cudaOptions), "creating CUDA provider options");
        cuda.Attach(cudaOptions);
        fixed (byte* key = Utf8("device_id"))
        fixed (byte* value = Utf8(deviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            var keys = stackalloc byte*[] { key };
            var values = stackalloc byte*[] { value };
            Check(((delegate* unmanaged[Cdecl]<nint, byte**, byte**, nuint, nint>)Slot(OrtApiSlot.UpdateCUDAProviderOptions))(cudaOptions, keys, values, 1), $"setting CUDA device {deviceId}");
        }

        Check(((delegate* unmanaged[Cdecl]<nint, nint, nint>)Slot(OrtApiSlot.SessionOptionsAppendExecutionProvider_CUDA_V2))(options.DangerousGetHandle(), cudaOptions), $"enabling CUDA device {deviceId}");
    }

    public SessionHandle CreateSession(EnvHandle env, string modelPath, SessionOptionsHandle options)
    {
        var handle = new SessionHandle(this);
        nint session;
        fixed (byte* path = Utf8(modelPath))
        {
            Check(((delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint>)Slot(OrtApiSlot.CreateSession))(env.DangerousGetHandle(), path, options.DangerousGetHandle(), &session), $"loading {modelPath}");
        }

        handle.Attach(session);
        return handle;
    }

    public int GetCount(SessionHandle session, bool inputs)
    {
        nuint count;
        var slot = inputs ? OrtApiSlot.SessionGetInputCount : OrtApiSlot.SessionGetOutputCount;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)Slot(slot))(session.DangerousGetHandle(), &count), "counting session inputs/outputs");
        return checked((int)count);
    }

    public string GetName(SessionHandle session, bool input, int index)
    {
        nint allocator;
        Check(((delegate* unmanaged[Cdecl]<nint*, nint>)Slot(OrtApiSlot.GetAllocatorWithDefaultOptions))(&allocator), "getting the default allocator");
        nint name;
        var slot = input ? OrtApiSlot.SessionGetInputName : OrtApiSlot.SessionGetOutputName;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint, nint, nint*, nint>)Slot(slot))(session.DangerousGetHandle(), (nuint)index, allocator, &name), "reading a tensor name");
        try
        {
            return Marshal.PtrToStringUTF8(name) ?? "";
        }
        finally
        {
            Check(((delegate* unmanaged[Cdecl]<nint, nint, nint>)Slot(OrtApiSlot.AllocatorFree))(allocator, name), "freeing a tensor name");
        }
    }

    /// <summary>Element type and dimensions (-1 for a symbolic dimension) of input or output <paramref name="index"/>.</summary>
    public (int ElementType, long[] Shape) GetTypeInfo(SessionHandle session, bool input, int index)
    {
        using var typeInfo = new TypeInfoHandle(this);
        nint info;
        var slot = input ? OrtApiSlot.SessionGetInputTypeInfo : OrtApiSlot.SessionGetOutputTypeInfo;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)Slot(slot))(session.DangerousGetHandle(), (nuint)index, &info), "reading tensor type information");
        typeInfo.Attach(info);

        // The tensor view is owned by the type info: it is read, never released.
        nint tensorInfo;
        Check(((delegate* unmanaged[Cdecl]<nint, nint*, nint>)Slot(OrtApiSlot.CastTypeInfoToTensorInfo))(info, &tensorInfo), "reading tensor information");
        if (tensorInfo == 0)
        {
            return (0, []);
        }

        return ReadTensorInfo(tensorInfo);
    }

    private (int ElementType, long[] Shape) ReadTensorInfo(nint tensorInfo)
    {
        int elementType;
        Check(((delegate* unmanaged[Cdecl]<nint, int*, nint>)Slot(OrtApiSlot.GetTensorElementType))(tensorInfo, &elementType), "reading a tensor element type");
        nuint rank;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)Slot(OrtApiSlot.GetDimensionsCount))(tensorInfo, &rank), "reading a tensor rank");
        var shape = new long[(int)rank];
        fixed (long* dims = shape)
        {
            Check(((delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)Slot(OrtApiSlot.GetDimensions))(tensorInfo, dims, rank), "reading tensor dimensions");
        }

        return (elementType, shape);
    }

    public MemoryInfoHandle CreateCpuMemoryInfo()
    {
        var handle = new MemoryInfoHandle(this);
        nint info;
        const int arenaAllocator = 1, memTypeDefault = 0;
        Check(((delegate* unmanaged[Cdecl]<int, int, nint*, nint>)Slot(OrtApiSlot.CreateCpuMemoryInfo))(arenaAllocator, memTypeDefault, &info), "creating CPU memory information");
        handle.Attach(info);
        return handle;
    }

    /// <summary>Wraps caller-owned memory, which must stay pinned until the value is released.</summary>
    public ValueHandle CreateTensor(MemoryInfoHandle memoryInfo, float* data, long elementCount, ReadOnlySpan<long> shape)
    {
        var handle = new ValueHandle(this);
        nint value;
        const int elementFloat = 1;
        fixed (long* dims = shape)
        {
            Check(((delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)Slot(OrtApiSlot.CreateTensorWithDataAsOrtValue))(
                memoryInfo.DangerousGetHandle(), data, (nuint)(elementCount * sizeof(float)), dims, (nuint)shape.Length, elementFloat, &value), "creating an input tensor");
        }

        handle.Attach(value);
        return handle;
    }

    public void Run(SessionHandle session, nint* inputNames, nint* inputs, int inputCount, nint* outputNames, int outputCount, nint* outputs) =>
        Check(((delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)Slot(OrtApiSlot.Run))(
            session.DangerousGetHandle(), 0, inputNames, inputs, (nuint)inputCount, outputNames, (nuint)outputCount, outputs), "running the model");

    public (int ElementType, long[] Shape, nint Data) ReadTensor(ValueHandle value)
    {
        using var shapeInfo = new TensorTypeAndShapeInfoHandle(this);
        nint info;
        Check(((delegate* unmanaged[Cdecl]<nint, nint*, nint>)Slot(OrtApiSlot.GetTensorTypeAndShape))(value.DangerousGetHandle(), &info), "reading an output shape");
        shapeInfo.Attach(info);
        var (elementType, shape) = ReadTensorInfo(info);
        nint data;
        Check(((delegate* unmanaged[Cdecl]<nint, nint*, nint>)Slot(OrtApiSlot.GetTensorMutableData))(value.DangerousGetHandle(), &data), "reading output data");
        return (elementType, shape, data);
    }

    internal static byte[] Utf8(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
