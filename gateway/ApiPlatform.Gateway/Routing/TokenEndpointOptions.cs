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

    /// <summary>
    /// Per source address, on top of <see cref="RateLimit"/>: sign-in form posts (<c>POST /connect/signin</c>), each a
    /// password guess. A person signs in once per session, so 10 per 5 minutes is plenty; the token server also limits
    /// failures per account.
    /// </summary>
    [Required]
    public TokenEndpointLimit SignInLimit { get; set; } = new() { Requests = 10, WindowSeconds = 300, Burst = 10 };

    /// <summary>A token request is a short form; a larger body answers 413 before the token server reads it.</summary>
    public long BodyLimitBytes { get; set; } = 65_536;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        if (BodyLimitBytes is < 1_024 or > 1_048_576)
        {
            results.Add(new ValidationResult($"{Section}:{nameof(BodyLimitBytes)} must be between 1024 and 1048576.", [$"{Section}:{nameof(BodyLimitBytes)}"]));
        }
        return results
            .Concat(Validate(RateLimit, nameof(RateLimit)))
            .Concat(Validate(SignInLimit, nameof(SignInLimit)));
    }

    private static IEnumerable<ValidationResult> Validate(TokenEndpointLimit limit, string name)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(limit, new ValidationContext(limit), results, validateAllProperties: true);
        return results.Select(result => new ValidationResult(
            result.ErrorMessage, [.. result.MemberNames.Select(member => $"{Section}:{name}:{member}")]));
    }
}
