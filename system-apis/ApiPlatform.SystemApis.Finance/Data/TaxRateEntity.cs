namespace ApiPlatform.SystemApis.Finance.Data;

/// <summary>The rate of one tax code in one jurisdiction (<c>DE</c>, or <c>US-TX</c> where the state sets it).</summary>
public sealed class TaxRateEntity
{
    public required string Jurisdiction { get; init; }
    public required string TaxCode { get; init; }
    public decimal Rate { get; set; }
}
