using System.Security.Cryptography;
using System.Text;
using ApiPlatform.Contracts;
using ApiPlatform.Contracts.Reconciliation;

namespace ApiPlatform.ProcessApis.Reconciliation.Comparison;

/// <summary>
/// One discrepancy a comparison found. <c>DocumentKey</c> names the documents it is about (its identity with the tenant
/// and kind); <c>Compared</c> is the data it was judged on, hashed into the fingerprint; <c>Amount</c> is the amount the
/// discrepancy concerns (what is missing, differs, is posted twice or is not applied).
/// </summary>
public sealed record Finding(ExceptionKind Kind, string DocumentKey, IReadOnlyList<DocumentReference> Documents, string Detail, string Compared, Money Amount)
{
    public string Fingerprint => Hash(Compared);

    public string IdFor(string tenant) => "rex-" + Hash($"{tenant}|{Kind}|{DocumentKey}")[..32];

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
