using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ApiPlatform.Gateway.Idempotency;

/// <summary>What makes two requests "the same" for one key: method, path and query, content type and body.</summary>
internal static class RequestFingerprint
{
    /// <summary>
    /// SHA-256 (hex) of <c>{method}\n{path}{query}\n{content type}\n</c> followed by the body, hashed in one call over a
    /// pooled buffer: no hash object per request.
    /// </summary>
    public static string Compute(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var head = $"{request.Method}\n{request.Path}{request.QueryString}\n{request.ContentType}\n";
        var length = Encoding.UTF8.GetMaxByteCount(head.Length) + body.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(head, buffer);
            body.CopyTo(buffer.AsSpan(written));
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written + body.Length), digest);
            return Convert.ToHexString(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
