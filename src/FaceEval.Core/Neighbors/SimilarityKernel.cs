using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FaceEval.Core.Neighbors;

/// <summary>
/// Register-blocked dot products of a block of query rows with a block of database rows (a small
/// matrix multiply). Queries are packed MR rows interleaved per dimension, the database NR rows
/// interleaved per dimension (zero padded), so the inner loop is NR-wide vector loads of the database
/// and broadcasts of the queries into MR x NR accumulators, as in BLAS micro-kernels.
/// Every product is one fused multiply-add chain over the dimensions in order 0..D-1 in every
/// kernel, so a pair's similarity does not depend on where in a tile it was computed. The hot methods
/// are optimised at once: they often run just once, right after start-up, before tiering would get to them.
/// </summary>
internal sealed class SimilarityKernel
{
    private enum Width
    {
        Scalar,
        V256,
        V512,
    }

    private readonly Width _width;

    private SimilarityKernel(Width width, int mr, int nr)
    {
        _width = width;
        Mr = mr;
        Nr = nr;
    }

    /// <summary>Query rows per micro-tile.</summary>
    public int Mr { get; }

    /// <summary>Database rows per micro-tile (one packed panel).</summary>
    public int Nr { get; }

    public static SimilarityKernel Best { get; } = Create();

    private static SimilarityKernel Create()
    {
        if (Vector512.IsHardwareAccelerated && Avx512F.IsSupported)
        {
            return new SimilarityKernel(Width.V512, 12, 32);
        }

        if (Vector256.IsHardwareAccelerated && Fma.IsSupported)
        {
            return new SimilarityKernel(Width.V256, 6, 16);
        }

        return new SimilarityKernel(Width.Scalar, 6, 16);
    }

    /// <summary>The scalar kernel with the same layout, for tests.</summary>
    internal static SimilarityKernel Scalar { get; } = new(Width.Scalar, 6, 16);

    /// <summary>
    /// Packs rows [first, first + count) of a row-major (rows x d) buffer into groups of
    /// <paramref name="group"/> rows, interleaved per dimension: dst[(g * d + k) * group + r] =
    /// row(first + g * group + r)[k]; rows past the end are zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pack(ReadOnlySpan<float> data, int first, int count, int d, int group, Span<float> destination)
    {
        var groups = (count + group - 1) / group;
        destination[..(groups * group * d)].Clear();
        for (var r = 0; r < count; r++)
        {
            var row = data.Slice((first + r) * d, d);
            var g = r / group;
            var lane = r % group;
            var dst = destination.Slice(g * group * d);
            for (var k = 0; k < d; k++)
            {
                dst[k * group + lane] = row[k];
            }
        }
    }

    /// <summary>
    /// <see cref="Pack"/> for rows picked by index: group member r is row <paramref name="rows"/>[r] of
    /// the row-major (rows x d) buffer, so scattered faces (an inverted list, a list's queries) pack alike.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackRows(ReadOnlySpan<float> data, ReadOnlySpan<int> rows, int d, int group, Span<float> destination)
    {
        var groups = (rows.Length + group - 1) / group;
        destination[..(groups * group * d)].Clear();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = data.Slice(rows[r] * d, d);
            var dst = destination.Slice(r / group * group * d);
            var lane = r % group;
            for (var k = 0; k < d; k++)
            {
                dst[k * group + lane] = row[k];
            }
        }
    }

    /// <summary>
    /// tile[r * ldc + c] = dot(query r, database c) for r &lt; rowGroups * Mr, c &lt; panels * Nr, with
    /// queries and database packed by <see cref="Pack"/> (group Mr and Nr).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public unsafe void Multiply(ReadOnlySpan<float> packedQueries, int rowGroups, ReadOnlySpan<float> packedDatabase, int panels, int d, Span<float> tile, int ldc)
    {
        fixed (float* a = packedQueries)
        fixed (float* b = packedDatabase)
        fixed (float* c = tile)
        {
            // Database panel outermost so one panel (d * Nr floats) stays in cache across row groups.
            for (var p = 0; p < panels; p++)
            {
                var bp = b + (long)p * Nr * d;
                for (var g = 0; g < rowGroups; g++)
                {
                    var ap = a + (long)g * Mr * d;
                    var cp = c + (long)g * Mr * ldc + p * Nr;
                    switch (_width)
                    {
                        case Width.V512:
                            Kernel512(ap, bp, d, cp, ldc);
                            break;
                        case Width.V256:
                            Kernel256(ap, bp, d, cp, ldc);
                            break;
                        default:
                            KernelScalar(ap, bp, d, cp, ldc, Mr, Nr);
                            break;
                    }
                }
            }
        }
    }

    private static unsafe void KernelScalar(float* a, float* b, int d, float* c, int ldc, int mr, int nr)
    {
        for (var r = 0; r < mr; r++)
        {
            for (var j = 0; j < nr; j++)
            {
                var s = 0f;
                for (var k = 0; k < d; k++)
                {
                    s = MathF.FusedMultiplyAdd(a[k * mr + r], b[k * nr + j], s);
                }

                c[r * ldc + j] = s;
            }
        }
    }

    // 12 x 32: 24 accumulators + 2 database vectors + 1 broadcast fit the 32 zmm registers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Kernel512(float* a, float* b, int d, float* c, int ldc)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default, c70 = default, c71 = default, c80 = default, c81 = default;
        Vector512<float> c90 = default, c91 = default, ca0 = default, ca1 = default, cb0 = default, cb1 = default;
        for (var k = 0; k < d; k++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            Vector512<float> x;
            x = Vector512.Create(a[0]); c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]); c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]); c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]); c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]); c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]); c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6]); c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7]); c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
            x = Vector512.Create(a[8]); c80 = Vector512.FusedMultiplyAdd(x, b0, c80); c81 = Vector512.FusedMultiplyAdd(x, b1, c81);
            x = Vector512.Create(a[9]); c90 = Vector512.FusedMultiplyAdd(x, b0, c90); c91 = Vector512.FusedMultiplyAdd(x, b1, c91);
            x = Vector512.Create(a[10]); ca0 = Vector512.FusedMultiplyAdd(x, b0, ca0); ca1 = Vector512.FusedMultiplyAdd(x, b1, ca1);
            x = Vector512.Create(a[11]); cb0 = Vector512.FusedMultiplyAdd(x, b0, cb0); cb1 = Vector512.FusedMultiplyAdd(x, b1, cb1);
            a += 12;
            b += 32;
        }

        c00.Store(c); c01.Store(c + 16); c += ldc;
        c10.Store(c); c11.Store(c + 16); c += ldc;
        c20.Store(c); c21.Store(c + 16); c += ldc;
        c30.Store(c); c31.Store(c + 16); c += ldc;
        c40.Store(c); c41.Store(c + 16); c += ldc;
        c50.Store(c); c51.Store(c + 16); c += ldc;
        c60.Store(c); c61.Store(c + 16); c += ldc;
        c70.Store(c); c71.Store(c + 16); c += ldc;
        c80.Store(c); c81.Store(c + 16); c += ldc;
        c90.Store(c); c91.Store(c + 16); c += ldc;
        ca0.Store(c); ca1.Store(c + 16); c += ldc;
        cb0.Store(c); cb1.Store(c + 16);
    }

    // 6 x 16: 12 accumulators + 2 database vectors + 1 broadcast fit the 16 ymm registers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void Kernel256(float* a, float* b, int d, float* c, int ldc)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var k = 0; k < d; k++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            Vector256<float> x;
            x = Vector256.Create(a[0]); c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]); c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]); c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]); c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]); c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]); c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
            a += 6;
            b += 16;
        }

        c00.Store(c); c01.Store(c + 8); c += ldc;
        c10.Store(c); c11.Store(c + 8); c += ldc;
        c20.Store(c); c21.Store(c + 8); c += ldc;
        c30.Store(c); c31.Store(c + 8); c += ldc;
        c40.Store(c); c41.Store(c + 8); c += ldc;
        c50.Store(c); c51.Store(c + 8);
    }
}
