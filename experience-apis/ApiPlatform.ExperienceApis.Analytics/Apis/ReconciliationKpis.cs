namespace ApiPlatform.ExperienceApis.Analytics.Apis;

/// <summary>
/// Reconciliation in a period: the runs completed and the documents they compared, exceptions opened, reopened, resolved
/// and cleared by kind, and the amounts in exception per currency.
/// </summary>
public sealed record ReconciliationKpis(
    string? Tenant, DateTimeOffset From, DateTimeOffset To, int Runs, long DocumentsCompared, IReadOnlyList<ReconciliationKindKpis> Exceptions,
    IReadOnlyList<AmountInException> Amounts);

/// <summary>One kind of exception (its reason): changes in the period, and how many are open now.</summary>
public sealed record ReconciliationKindKpis(string Kind, int Opened, int Reopened, int Resolved, int Cleared, int OpenNow);

/// <summary>The amounts exceptions concern in one currency: of those opened or reopened in the period, and of those open now.</summary>
public sealed record AmountInException(string Currency, decimal Opened, decimal OpenNow);
