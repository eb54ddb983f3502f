using System.Text.RegularExpressions;

namespace ApiPlatform.VendorConnectors.Upstream;

/// <summary>Schema and range checks on what a system of record answered, before anything of it is used or kept.</summary>
public static partial class UpstreamGuard
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    public static T Present<T>(T? value, string field) where T : class =>
        value ?? throw new UpstreamContractException($"a record without '{field}'", field);

    public static string Text(string? value, string field, int maxLength = 255)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new UpstreamContractException($"a record without '{field}'", field);
        }
        return value.Length <= maxLength ? value : throw new UpstreamContractException($"'{field}' longer than {maxLength} characters", field);
    }

    public static string? OptionalText(string? value, string field, int maxLength = 255) =>
        value is null || value.Length <= maxLength ? value : throw new UpstreamContractException($"'{field}' longer than {maxLength} characters", field);

    public static string Matching(string? value, string field, Regex pattern) =>
        value is not null && pattern.IsMatch(value) ? value : throw new UpstreamContractException($"'{field}' of an unexpected form", field);

    public static decimal Amount(decimal? value, string field, bool allowNegative = false)
    {
        var amount = value ?? throw new UpstreamContractException($"a record without '{field}'", field);
        return (allowNegative || amount >= 0) && Math.Abs(amount) < MaxAmount
            ? amount
            : throw new UpstreamContractException($"'{field}' out of range ({amount})", field);
    }

    public static decimal Range(decimal? value, string field, decimal min, decimal max)
    {
        var number = value ?? throw new UpstreamContractException($"a record without '{field}'", field);
        return number >= min && number <= max ? number : throw new UpstreamContractException($"'{field}' out of range ({number})", field);
    }

    public static string Currency(string? value, string field = "currency") =>
        value is not null && CurrencyPattern().IsMatch(value.ToUpperInvariant())
            ? value.ToUpperInvariant()
            : throw new UpstreamContractException($"'{field}' that is not an ISO 4217 code", field);

    public static string Country(string? value, string field = "country") =>
        value is not null && CountryPattern().IsMatch(value.ToUpperInvariant())
            ? value.ToUpperInvariant()
            : throw new UpstreamContractException($"'{field}' that is not an ISO 3166-1 alpha-2 code", field);

    public static IReadOnlyList<T> Bounded<T>(IReadOnlyList<T>? items, string field, int max) =>
        items is null ? throw new UpstreamContractException($"an answer without '{field}'", field)
        : items.Count <= max ? items : throw new UpstreamContractException($"more than {max} '{field}' in one page", field);
}
