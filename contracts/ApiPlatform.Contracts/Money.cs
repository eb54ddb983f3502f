namespace ApiPlatform.Contracts;

/// <summary>An amount in an ISO 4217 currency. Money is never a bare number on the wire.</summary>
public sealed record Money(decimal Amount, string Currency)
{
    public static Money Zero(string currency) => new(0m, currency);

    public Money Add(Money other) => SameCurrency(other) with { Amount = Amount + other.Amount };

    public Money Subtract(Money other) => SameCurrency(other) with { Amount = Amount - other.Amount };

    private Money SameCurrency(Money other) => other.Currency == Currency
        ? this
        : throw new InvalidOperationException($"Cannot combine {Currency} with {other.Currency}.");
}
