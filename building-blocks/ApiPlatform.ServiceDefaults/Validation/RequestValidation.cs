using System.Globalization;
using ApiPlatform.Contracts;
using FluentValidation;

namespace ApiPlatform.ServiceDefaults.Validation;

/// <summary>
/// The rules every canonical request is held to: its FluentValidation validator, and <see cref="CanonicalText"/> for
/// every string in it. Used by <see cref="ValidationExtensions.WithValidation{T}"/> for a bound body, and directly by
/// an API that builds a downstream request from route values, so it refuses what the downstream API would refuse.
/// </summary>
public static class RequestValidation
{
    /// <summary>The field errors of <paramref name="request"/>, empty when it is valid.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync<T>(IValidator<T> validator, T request, CancellationToken cancellationToken)
        where T : class
    {
        var result = await validator.ValidateAsync(request, cancellationToken);
        var errors = result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        foreach (var path in CanonicalText.FindUnclean(request).Where(path => !errors.ContainsKey(path)))
        {
            errors[path] = [string.Format(CultureInfo.InvariantCulture, CanonicalText.Message, path)];
        }
        return errors;
    }
}
