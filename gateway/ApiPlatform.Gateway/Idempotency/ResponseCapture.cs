namespace ApiPlatform.Gateway.Idempotency;

/// <summary>
/// Holds back the response body until the gateway has its copy for the store and has sent the store its write, so a
/// client that has the full response finds it stored when it retries through this gateway. Past <c>maxBytes</c> it
/// gives up (the response is not stored): it writes what it held and passes the rest straight through.
/// </summary>
internal sealed class ResponseCapture(Stream inner, int maxBytes) : Stream
{
    private readonly MemoryStream buffer = new();

    public bool Overflowed { get; private set; }

    public byte[] Captured => buffer.ToArray();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        if (!Overflowed && buffer.Length + source.Length <= maxBytes)
        {
            buffer.Write(source.Span);
            return;
        }
        if (!Overflowed)
        {
            Overflowed = true;
            await inner.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        }
        await inner.WriteAsync(source, cancellationToken);
    }

    /// <summary>Sends the held body once it is stored (or may not be).</summary>
    public Task ReleaseAsync(CancellationToken cancellationToken) =>
        Overflowed ? Task.CompletedTask : inner.WriteAsync(buffer.GetBuffer(), 0, (int)buffer.Length, cancellationToken);

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        Overflowed ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        buffer.Dispose();
        base.Dispose(disposing);
    }
}
