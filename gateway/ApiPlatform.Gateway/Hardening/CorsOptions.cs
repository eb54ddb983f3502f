namespace ApiPlatform.Gateway.Hardening;

/// <summary>
/// Browser origins allowed to call the gateway (section <c>Gateway:Cors</c>); none by default. Origins are exact
/// (<c>https://portal.example.com</c>): a wildcard is refused at start.
/// </summary>
public sealed class GatewayCorsOptions
{
    public const string Section = "Gateway:Cors";

    public List<string> AllowedOrigins { get; set; } = [];

    public int PreflightMaxAgeSeconds { get; set; } = 600;
}
