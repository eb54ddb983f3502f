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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(RateLimit, new ValidationContext(RateLimit), results, validateAllProperties: true);
        return results.Select(result => new ValidationResult(result.ErrorMessage,
            [.. result.MemberNames.Select(member => $"{Section}:{nameof(RateLimit)}:{member}")]));
    }
}
