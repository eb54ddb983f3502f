using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.ServiceDefaults.Validation;

/// <summary>
/// Validates the endpoint's <typeparamref name="T"/> argument with <see cref="RequestValidation"/>: its FluentValidation validator and
/// <see cref="ApiPlatform.Contracts.CanonicalText"/> for every string in it.
/// </summary>
internal sealed class ValidationFilter<T> : IEndpointFilter where T : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // An endpoint that asks for validation must never run unvalidated because a validator was not registered.
        var validator = context.HttpContext.RequestServices.GetService<IValidator<T>>()
            ?? throw new InvalidOperationException($"No IValidator<{typeof(T).Name}> is registered; add it with AddValidatorsFrom<>().");
        if (context.Arguments.OfType<T>().FirstOrDefault() is not { } argument)
        {
            return await next(context);
        }

        var errors = await RequestValidation.ErrorsAsync(validator, argument, context.HttpContext.RequestAborted);
        if (errors.Count == 0)
        {
            return await next(context);
        }

        return TypedResults.ValidationProblem(
            errors,
            title: "The request is invalid",
            type: ProblemTypes.Validation);
    }
}
