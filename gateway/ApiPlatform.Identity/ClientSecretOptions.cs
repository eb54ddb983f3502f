namespace ApiPlatform.Identity;

public sealed class ClientSecretOptions
{
    public string? Secret { get; set; }
}
