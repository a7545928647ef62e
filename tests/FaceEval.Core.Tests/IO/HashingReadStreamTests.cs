using System.Security.Cryptography;
using FaceEval.Core.IO;

namespace FaceEval.Core.Tests.IO;

public sealed class HashingReadStreamTests
{
    [Fact]
    public void The_hash_covers_what_was_read_and_what_was_left()
    {
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        using var stream = new HashingReadStream(new MemoryStream(bytes));
        var head = new byte[1000];
        stream.ReadExactly(head);

        Assert.Equal(bytes[..1000], head);
        Assert.Equal(1000, stream.Position);
        Assert.Equal(bytes.Length, stream.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stream.FinishHash());
    }

    [Fact]
    public void It_moves_only_forward_by_reading()
    {
        using var stream = new HashingReadStream(new MemoryStream(new byte[100]));
        stream.ReadExactly(new byte[10]);
        stream.Position = 10;
        Assert.Throws<NotSupportedException>(() => stream.Position = 0);
        Assert.Throws<NotSupportedException>(() => stream.Seek(5, SeekOrigin.Current));
        Assert.Throws<NotSupportedException>(() => stream.Write(new byte[1], 0, 1));
    }
}
