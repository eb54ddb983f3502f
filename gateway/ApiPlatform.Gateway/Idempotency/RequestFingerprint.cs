using System.Security.Cryptography;
using System.Text;

namespace ApiPlatform.Gateway.Idempotency;

/// <summary>What makes two requests "the same" for one key: method, path and query, content type and body.</summary>
internal static class RequestFingerprint
{
    public static string Compute(HttpRequest request, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n{request.ContentType}\n"));
        hash.AppendData(body);
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
