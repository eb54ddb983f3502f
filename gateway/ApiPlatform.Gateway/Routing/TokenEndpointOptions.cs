using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.Gateway.Routing;

/// <summary>The edge limit of the token server's <c>/connect/*</c> endpoints (section <c>Gateway:TokenEndpoint</c>).</summary>
public sealed class TokenEndpointOptions : IValidatableObject
{
    public const string Section = "Gateway:TokenEndpoint";

    /// <summary>
    /// Per source address. Clients keep a token for its lifetime, so even a NAT gateway in front of many services asks
    /// rarely; a brute force of client secrets gets 2 guesses a second, and the token server's secret hashing stays cheap.
    /// </summary>
    [Required]
    public TokenEndpointLimit RateLimit { get; set; } = new();

    /// <summary>A token request is a short form; a larger body answers 413 before the token server reads it.</summary>
    public long BodyLimitBytes { get; set; } = 65_536;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        if (BodyLimitBytes is < 1_024 or > 1_048_576)
        {
            results.Add(new ValidationResult($"{Section}:{nameof(BodyLimitBytes)} must be between 1024 and 1048576.", [$"{Section}:{nameof(BodyLimitBytes)}"]));
        }
        Validator.TryValidateObject(RateLimit, new ValidationContext(RateLimit), results, validateAllProperties: true);
        return results.Select(result => result.MemberNames.Any(member => member.StartsWith(Section, StringComparison.Ordinal))
            ? result
            : new ValidationResult(result.ErrorMessage, [.. result.MemberNames.Select(member => $"{Section}:{nameof(RateLimit)}:{member}")]));
    }
}
