using FluentValidation;

namespace ApiPlatform.Contracts;

/// <summary>Rules shared by the canonical request validators.</summary>
public static class CanonicalRules
{
    public static IRuleBuilderOptions<T, string> Tenant<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(64).Matches("^[a-z0-9][a-z0-9-]*$").WithMessage("'Tenant' must be a lower-case tenant id.");

    public static IRuleBuilderOptions<T, string> Id<T>(this IRuleBuilder<T, string> rule) => rule.NotEmpty().MaximumLength(64);

    public static IRuleBuilderOptions<T, string> CurrencyCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches("^[A-Z]{3}$").WithMessage("'{PropertyName}' must be an ISO 4217 code such as EUR.");

    public static IRuleBuilderOptions<T, string> CountryCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches("^[A-Z]{2}$").WithMessage("'{PropertyName}' must be an ISO 3166-1 alpha-2 code such as DE.");

    /// <summary>A positive amount of money in the given currency.</summary>
    public static IRuleBuilderOptions<T, Money> PositiveMoney<T>(this IRuleBuilder<T, Money> rule) =>
        rule.NotNull().SetValidator(new MoneyValidator()).Must(m => m is null || m.Amount > 0).WithMessage("'{PropertyName}' must be greater than zero.");

    /// <summary>A money amount that is zero or more (a price, an amount owed), in a valid currency.</summary>
    public static IRuleBuilderOptions<T, Money> NonNegativeMoney<T>(this IRuleBuilder<T, Money> rule) =>
        rule.NotNull().SetValidator(new MoneyValidator()).Must(m => m is null || m.Amount >= 0).WithMessage("'{PropertyName}' must not be negative.");

    /// <summary>
    /// One line of text (a name): no control characters at all, no bidirectional overrides. Every string of a validated
    /// request is also checked as multi-line text by the shared validation filter (<see cref="CanonicalText"/>).
    /// </summary>
    public static IRuleBuilderOptions<T, string> SingleLineText<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(value => CanonicalText.IsClean(value, multiLine: false))
            .WithMessage("'{PropertyName}' must be one line without control characters or bidirectional overrides.");
}
