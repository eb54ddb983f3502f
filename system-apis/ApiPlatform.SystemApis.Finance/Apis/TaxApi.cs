using ApiPlatform.Contracts.Finance;
using ApiPlatform.ServiceDefaults.Validation;
using ApiPlatform.SystemApis.Finance.Tax;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApiPlatform.SystemApis.Finance.Apis;

public static class TaxApi
{
    public static RouteGroupBuilder MapTaxApi(this RouteGroupBuilder v1)
    {
        v1.MapPost("/tax/calculations", Calculate).WithTags("Tax").WithValidation<TaxCalculationRequest>().WithName("calculateTax")
            .WithSummary("Calculate tax per line from the ship-to jurisdiction and each line's tax code, rounded per line").ProducesProblem(422);
        return v1;
    }

    public static async Task<Ok<TaxQuote>> Calculate(TaxCalculationRequest request, TaxCalculator calculator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await calculator.CalculateAsync(request, cancellationToken));
}
