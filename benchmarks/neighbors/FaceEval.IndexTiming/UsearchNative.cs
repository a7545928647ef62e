using System.Reflection;
using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace FaceEval.IndexTiming;

/// <summary>
/// The two calls of USearch's C API that its C# binding (2.26.6) does not wrap: reserving the whole
/// capacity before adding from several threads (the binding's Add reserves on demand, which must not
/// overlap another thread's insertion), and changing expansion-search on a built index (the binding
/// fixes it at construction, which would mean one build per setting). Both go to the native library the
/// package ships, with the binding's own handle, read from its private field.
/// </summary>
internal static partial class UsearchNative
{
    private const string Library = "libusearch_c";

    private static readonly FieldInfo HandleField =
        typeof(USearchIndex).GetField("_index", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new InvalidOperationException("Cloud.Unum.USearch changed: USearchIndex has no _index handle");

    public static void Reserve(USearchIndex index, int capacity)
    {
        usearch_reserve(Handle(index), (nuint)capacity, out var error);
        Check(error, "usearch_reserve");
    }

    public static void SetExpansionSearch(USearchIndex index, int expansion)
    {
        var handle = Handle(index);
        usearch_change_expansion_search(handle, (nuint)expansion, out var error);
        Check(error, "usearch_change_expansion_search");
        var now = usearch_expansion_search(handle, out error);
        Check(error, "usearch_expansion_search");
        if (now != (nuint)expansion)
        {
            throw new USearchException($"expansion-search is {now} after setting it to {expansion}");
        }
    }

    private static nint Handle(USearchIndex index) => (nint)HandleField.GetValue(index)!;

    private static void Check(nint error, string call)
    {
        if (error != 0)
        {
            throw new USearchException($"{call}: {Marshal.PtrToStringAnsi(error)}");
        }
    }

    [LibraryImport(Library)]
    private static partial void usearch_reserve(nint index, nuint capacity, out nint error);

    [LibraryImport(Library)]
    private static partial void usearch_change_expansion_search(nint index, nuint expansion, out nint error);

    [LibraryImport(Library)]
    private static partial nuint usearch_expansion_search(nint index, out nint error);
}
