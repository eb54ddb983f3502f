using System.Globalization;
using ApiPlatform.Contracts;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ApiPlatform.ServiceDefaults.Errors;

namespace ApiPlatform.ServiceDefaults.Validation;

/// <summary>
/// Validates the endpoint's <typeparamref name="T"/> argument with its FluentValidation validator and every string in it
/// with <see cref="CanonicalText"/>.
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

        var result = await validator.ValidateAsync(argument, context.HttpContext.RequestAborted);
        // One rule for every canonical write, whatever its validator checks: no control or bidi-override characters.
        var unclean = CanonicalText.FindUnclean(argument);
        if (result.IsValid && unclean.Count == 0)
        {
            return await next(context);
        }

        var errors = result.ToDictionary();
        foreach (var path in unclean.Where(path => !errors.ContainsKey(path)))
        {
            errors[path] = [string.Format(CultureInfo.InvariantCulture, CanonicalText.Message, path)];
        }
        return TypedResults.ValidationProblem(
            errors,
            title: "The request is invalid",
            type: ProblemTypes.Validation);
    }
}
