using ApiPlatform.Contracts;

namespace ApiPlatform.ExperienceApis.Analytics.Projections;

/// <summary>
/// What one process event says about its transaction, whichever process wrote it: the order request and requisition
/// events each share one shape, so one projection reads them all.
/// </summary>
internal sealed record ProcessFact(
    string Process, string TransactionId, string Tenant, string Status, string? Step, string? Reason, Money? Total, DateTimeOffset At,
    IReadOnlyList<DocumentReference> Documents);

/// <summary>A business document a process event names, e.g. the sales order of an order request.</summary>
internal sealed record DocumentReference(string Kind, string? Id)
{
    public string Key => $"{Kind}:{Id}";
}
