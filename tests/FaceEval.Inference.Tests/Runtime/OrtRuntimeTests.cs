using FaceEval.Core.Errors;
using FaceEval.Inference.Runtime;

namespace FaceEval.Inference.Tests.Runtime;

public class OrtRuntimeTests
{
    [NeedsFact("yunet_s_dynamic.onnx")]
    public void Session_reports_names_and_shapes_of_a_dynamic_model()
    {
        var runtime = OrtRuntime.Load();
        Assert.StartsWith("1.23", runtime.Version);
        Assert.Equal(23, runtime.ApiVersion);
        Assert.Contains("CPUExecutionProvider", runtime.AvailableProviders);

        using var session = runtime.CreateSession(Path.Combine(TestPaths.SharedModels!, "yunet_s_dynamic.onnx"));
        var input = Assert.Single(session.Inputs);
        Assert.Equal("input", input.Name);
        Assert.Equal(4, input.Shape.Count);
        Assert.Equal(3, input.Shape[1]);
        Assert.Equal(-1, input.Shape[2]);
        Assert.Equal(
            ["cls_8", "cls_16", "cls_32", "obj_8", "obj_16", "obj_32", "bbox_8", "bbox_16", "bbox_32", "kps_8", "kps_16", "kps_32"],
            session.Outputs.Select(o => o.Name));
    }

    [NeedsFact("yunet_s_dynamic.onnx")]
    public void Run_returns_outputs_shaped_by_the_input_size()
    {
        using var session = OrtRuntime.Load().CreateSession(Path.Combine(TestPaths.SharedModels!, "yunet_s_dynamic.onnx"), new SessionSettings(IntraOpThreads: 1));
        var data = new float[3 * 64 * 96];
        var outputs = session.Run(data, [1, 3, 64, 96]);
        // One prior per cell at stride 8: (64/8) * (96/8) = 96 rows of one class score.
        Assert.Equal([1L, 96, 1], outputs[0].Shape);
        Assert.Equal([1L, 96, 10], outputs[9].Shape);
        Assert.All(outputs[0].Data, v => Assert.InRange(v, 0f, 1f));
    }

    [NeedsFact("yunet_s_dynamic.onnx")]
    public void Input_of_the_wrong_size_is_a_dimension_mismatch()
    {
        using var session = OrtRuntime.Load().CreateSession(Path.Combine(TestPaths.SharedModels!, "yunet_s_dynamic.onnx"));
        var e = Assert.Throws<FaceEvalException>(() => session.Run(new float[10], [1, 3, 64, 64]));
        Assert.Equal(ErrorKind.DimensionMismatch, e.Kind);
    }

    [NeedsFact("arcface_w600k_mbf_int8.onnx")]
    public void Native_errors_become_one_line_NativeRuntime_exceptions()
    {
        using var session = OrtRuntime.Load().CreateSession(Path.Combine(TestPaths.SharedModels!, "arcface_w600k_mbf_int8.onnx"));
        // 3 channels of 50x50 where the model wants 112x112: ONNX Runtime itself rejects it.
        var e = Assert.Throws<FaceEvalException>(() => session.Run(new float[3 * 50 * 50], [1, 3, 50, 50]));
        Assert.Equal(ErrorKind.NativeRuntime, e.Kind);
        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith("ONNX Runtime, running the model:", e.Message);
    }

    [NeedsFact("arcface_w600k_mbf_int8.onnx")]
    public void Cuda_on_a_cpu_only_build_is_a_clear_error()
    {
        var runtime = OrtRuntime.Load();
        var settings = new SessionSettings(Device: ComputeDevice.Parse("cuda:0"));
        var e = Assert.Throws<FaceEvalException>(() => runtime.CreateSession(Path.Combine(TestPaths.SharedModels!, "arcface_w600k_mbf_int8.onnx"), settings));
        Assert.Equal(ErrorKind.NativeRuntime, e.Kind);
        Assert.StartsWith("--device cuda:0: ONNX Runtime", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [NeedsFact]
    public void The_native_cuda_refusal_is_caught_too()
    {
        // Skips our provider check to reach SessionOptionsAppendExecutionProvider_CUDA_V2 itself,
        // which a CPU build answers with an error status: it must surface as an exception, not a crash.
        var runtime = OrtRuntime.Load();
        using var options = runtime.Api.CreateSessionOptions();
        var e = Assert.Throws<FaceEvalException>(() => runtime.AppendCuda(options, 0, checkProviders: false));
        Assert.Equal(ErrorKind.NativeRuntime, e.Kind);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Device_names_parse()
    {
        Assert.Equal(ComputeDevice.Cpu, ComputeDevice.Parse("cpu"));
        Assert.Equal(new ComputeDevice(DeviceKind.Cuda, 0), ComputeDevice.Parse("cuda"));
        Assert.Equal(new ComputeDevice(DeviceKind.Cuda, 2), ComputeDevice.Parse("CUDA:2"));
        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => ComputeDevice.Parse("gpu")).Kind);
        Assert.Equal(ErrorKind.Usage, Assert.Throws<FaceEvalException>(() => ComputeDevice.Parse("cuda:-1")).Kind);
    }

    [Fact]
    public void A_missing_explicit_library_names_the_path()
    {
        var e = Assert.Throws<FaceEvalException>(() => OrtRuntime.Load("/nonexistent/libonnxruntime.so.1"));
        Assert.Equal(ErrorKind.FileNotFound, e.Kind);
        Assert.Contains("/nonexistent/libonnxruntime.so.1", e.Message);
    }

    [Fact]
    public void Without_a_repository_the_default_location_cannot_be_found()
    {
        var empty = Directory.CreateTempSubdirectory("faceeval-no-ort").FullName;
        try
        {
            var e = Assert.Throws<FaceEvalException>(() => OrtLibraryLocator.Resolve(repositoryRoot: empty));
            Assert.Equal(ErrorKind.FileNotFound, e.Kind);
            Assert.Contains(empty, e.Message);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }

    [Fact]
    public void A_file_that_is_not_onnx_runtime_is_a_native_error()
    {
        var e = Assert.Throws<FaceEvalException>(() => OrtRuntime.Load("/lib/x86_64-linux-gnu/libpng16.so.16"));
        Assert.Equal(ErrorKind.NativeRuntime, e.Kind);
        Assert.Contains("OrtGetApiBase", e.Message);
    }
}
