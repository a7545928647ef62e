using System.Runtime.InteropServices;
using FaceEval.Core.Errors;

namespace FaceEval.Inference.Runtime;

/// <summary>
/// A loaded model. Runs are thread-safe (ONNX Runtime allows concurrent Run calls on one session);
/// inputs are passed as pinned managed memory, outputs are copied into managed arrays.
/// </summary>
public sealed unsafe class InferenceSession : IDisposable
{
    private const int ElementTypeFloat = 1;

    private readonly OrtRuntime _runtime;
    private readonly SessionHandle _session;
    private readonly MemoryInfoHandle _memoryInfo;
    private readonly nint[] _inputNames;
    private readonly nint[] _outputNames;
    private bool _disposed;

    internal InferenceSession(OrtRuntime runtime, SessionHandle session, string modelPath)
    {
        _runtime = runtime;
        _session = session;
        ModelPath = modelPath;
        var api = runtime.Api;
        Inputs = ReadInfos(api, input: true);
        Outputs = ReadInfos(api, input: false);
        _memoryInfo = api.CreateCpuMemoryInfo();
        _inputNames = Inputs.Select(i => Marshal.StringToCoTaskMemUTF8(i.Name)).ToArray();
        _outputNames = Outputs.Select(o => Marshal.StringToCoTaskMemUTF8(o.Name)).ToArray();
    }

    public string ModelPath { get; }

    public IReadOnlyList<TensorInfo> Inputs { get; }

    public IReadOnlyList<TensorInfo> Outputs { get; }

    /// <summary>Position of the output called <paramref name="name"/>; a model without it is an InvalidData error naming <paramref name="model"/>.</summary>
    public int OutputIndex(string name, string model)
    {
        for (var i = 0; i < Outputs.Count; i++)
        {
            if (Outputs[i].Name == name)
            {
                return i;
            }
        }

        throw new FaceEvalException(ErrorKind.InvalidData,
            $"{model}: the model has no output '{name}' (outputs: {string.Join(", ", Outputs.Select(o => o.Name))})");
    }

    /// <summary>
    /// Runs the model on one float input (the model's first input unless it has several, then pass
    /// <paramref name="inputName"/>) and returns every output, in the order of <see cref="Outputs"/>.
    /// </summary>
    public OutputTensor[] Run(ReadOnlySpan<float> data, ReadOnlySpan<long> shape, string? inputName = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var inputIndex = InputIndex(inputName);
        long count = 1;
        foreach (var d in shape)
        {
            count *= d;
        }

        if (count != data.Length)
        {
            throw new FaceEvalException(ErrorKind.DimensionMismatch,
                $"{Path.GetFileName(ModelPath)}: input shape [{string.Join(',', shape.ToArray())}] needs {count} values, got {data.Length}");
        }

        var api = _runtime.Api;
        var outputs = new nint[_outputNames.Length];
        var refAdded = false;
        _session.DangerousAddRef(ref refAdded);
        try
        {
            fixed (float* p = data)
            {
                using var input = api.CreateTensor(_memoryInfo, p, count, shape);
                var inputHandle = input.DangerousGetHandle();
                var inputNamePtr = _inputNames[inputIndex];
                fixed (nint* outNames = _outputNames)
                fixed (nint* outValues = outputs)
                {
                    api.Run(_session, &inputNamePtr, &inputHandle, 1, outNames, outputs.Length, outValues);
                }
            }

            var result = new OutputTensor[outputs.Length];
            for (var i = 0; i < outputs.Length; i++)
            {
                result[i] = CopyOut(api, Outputs[i].Name, outputs[i]);
                outputs[i] = 0;
            }

            return result;
        }
        finally
        {
            foreach (var o in outputs)
            {
                if (o != 0)
                {
                    using var leftover = new ValueHandle(api);
                    leftover.Attach(o);
                }
            }

            if (refAdded)
            {
                _session.DangerousRelease();
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _session.Dispose();
        _memoryInfo.Dispose();
        foreach (var p in _inputNames.Concat(_outputNames))
        {
            Marshal.FreeCoTaskMem(p);
        }
    }

    private int InputIndex(string? inputName)
    {
        if (inputName is null)
        {
            return Inputs.Count == 1
                ? 0
                : throw new FaceEvalException(ErrorKind.Usage, $"{Path.GetFileName(ModelPath)} has {Inputs.Count} inputs; name the one to feed");
        }

        for (var i = 0; i < Inputs.Count; i++)
        {
            if (Inputs[i].Name == inputName)
            {
                return i;
            }
        }

        throw new FaceEvalException(ErrorKind.UnknownName,
            $"{Path.GetFileName(ModelPath)} has no input '{inputName}' (inputs: {string.Join(", ", Inputs.Select(x => x.Name))})");
    }

    private static OutputTensor CopyOut(OrtApi api, string name, nint value)
    {
        using var handle = new ValueHandle(api);
        handle.Attach(value);
        var (elementType, shape, data) = api.ReadTensor(handle);
        if (elementType != ElementTypeFloat)
        {
            throw new FaceEvalException(ErrorKind.NativeRuntime, $"output '{name}' has element type {elementType}, expected float32");
        }

        long count = 1;
        foreach (var d in shape)
        {
            count *= d;
        }

        var copy = new float[count];
        new ReadOnlySpan<float>((void*)data, checked((int)count)).CopyTo(copy);
        return new OutputTensor(name, shape, copy);
    }

    private TensorInfo[] ReadInfos(OrtApi api, bool input)
    {
        var count = api.GetCount(_session, input);
        var infos = new TensorInfo[count];
        for (var i = 0; i < count; i++)
        {
            var name = api.GetName(_session, input, i);
            var (elementType, shape) = api.GetTypeInfo(_session, input, i);
            infos[i] = new TensorInfo(name, shape, elementType == ElementTypeFloat);
        }

        return infos;
    }
}
