using System.Runtime.InteropServices;

namespace FaceEval.Inference.Runtime;

/// <summary>
/// An ONNX Runtime object released through its <c>Release*</c> slot of the function table. Created
/// invalid and attached after the native call succeeds, so a failed create leaves nothing to free.
/// </summary>
internal abstract unsafe class OrtHandle : SafeHandle
{
    private readonly OrtApi _api;
    private readonly int _releaseSlot;

    protected OrtHandle(OrtApi api, int releaseSlot)
        : base(0, ownsHandle: true)
    {
        _api = api;
        _releaseSlot = releaseSlot;
    }

    public override bool IsInvalid => handle == 0;

    public void Attach(nint value) => SetHandle(value);

    protected override bool ReleaseHandle()
    {
        ((delegate* unmanaged[Cdecl]<nint, void>)_api.Slot(_releaseSlot))(handle);
        return true;
    }
}

internal sealed class EnvHandle(OrtApi api) : OrtHandle(api, OrtApiSlot.ReleaseEnv);

internal sealed class SessionOptionsHandle(OrtApi api) : OrtHandle(api, OrtApiSlot.ReleaseSessionOptions);

internal sealed class SessionHandle(OrtApi api) : OrtHandle(api, OrtApiSlot.ReleaseSession);

internal sealed class ValueHandle(OrtApi api) : OrtHandle(api, OrtApiSlot.ReleaseValue);

internal sealed class MemoryInfoHandle(OrtApi api) : OrtHandle(api, OrtApiSlot.ReleaseMemoryInfo);

internal sealed class TypeInfoHandle(OrtApi api) : OrtHandle(api, OrtApiSlot.ReleaseTypeInfo);

internal sealed class TensorTypeAndShapeInfoHandle(OrtApi api) : OrtHandle(api, OrtApiSlot.ReleaseTensorTypeAndShapeInfo);

internal sealed class CudaProviderOptionsHandle(OrtApi api) : OrtHandle(api, OrtApiSlot.ReleaseCUDAProviderOptions);
