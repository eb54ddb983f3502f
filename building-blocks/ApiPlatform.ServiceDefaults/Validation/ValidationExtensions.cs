using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ApiPlatform.ServiceDefaults.Validation;

public static class ValidationExtensions
{
    /// <summary>Validates the request body of type <typeparamref name="T"/>; invalid input answers 400 problem+json with field errors.</summary>
    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder endpoint) where T : class =>
        endpoint.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();

    /// <summary>Registers every FluentValidation validator in the assembly that holds <typeparamref name="TMarker"/>.</summary>
    public static IServiceCollection AddValidatorsFrom<TMarker>(this IServiceCollection services) =>
        services.AddValidatorsFromAssemblyContaining<TMarker>(ServiceLifetime.Singleton);
}
