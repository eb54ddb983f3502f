using System.Security.Cryptography;
using System.Text;

namespace ApiPlatform.SystemApis.Crm.Connectors;

/// <summary>
/// The key under which a create is written to the system of record (as an external id there): the caller's
/// Idempotency-Key scoped to its client, hashed to 32 hex characters so every CRM can store it. Without a key, a
/// fresh one: the create is then not deduplicated.
/// </summary>
public static class CreationKey
{
    public static string For(string client, string? idempotencyKey) => string.IsNullOrWhiteSpace(idempotencyKey)
        ? Guid.NewGuid().ToString("N")
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{client}\n{idempotencyKey}")))[..32];
}
