using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApiPlatform.ServiceDefaults.Data;

/// <summary>
/// The platform's one model convention for decimals. Every decimal is an amount of money (18 digits, 2 decimals: the
/// minor unit of the currencies the platform books) unless its property says it is one of the other kinds, by name.
/// </summary>
public static class DecimalPrecision
{
    /// <summary>Makes every decimal (nullable or not) of the model an amount; call from <c>ConfigureConventions</c>.</summary>
    public static ModelConfigurationBuilder DecimalsAreAmounts(this ModelConfigurationBuilder conventions)
    {
        conventions.Properties<decimal>().HavePrecision(18, 2);
        conventions.Properties<decimal?>().HavePrecision(18, 2);
        return conventions;
    }

    /// <summary>A quantity of goods or services, to four decimals (hours, kilograms, licences).</summary>
    public static PropertyBuilder<TProperty> IsQuantity<TProperty>(this PropertyBuilder<TProperty> property) => property.HasPrecision(18, 4);

    /// <summary>A price per unit, to four decimals so that a line's amount rounds once, at the end.</summary>
    public static PropertyBuilder<TProperty> IsUnitPrice<TProperty>(this PropertyBuilder<TProperty> property) => property.HasPrecision(18, 4);

    /// <summary>A percentage such as a discount, 0–100 to four decimals.</summary>
    public static PropertyBuilder<TProperty> IsPercentage<TProperty>(this PropertyBuilder<TProperty> property) => property.HasPrecision(9, 4);

    /// <summary>A rate as a fraction (a tax rate of 0.19, an exchange rate), to six decimals.</summary>
    public static PropertyBuilder<TProperty> IsRate<TProperty>(this PropertyBuilder<TProperty> property) => property.HasPrecision(9, 6);
}
