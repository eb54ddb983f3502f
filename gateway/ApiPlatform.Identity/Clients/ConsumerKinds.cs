namespace ApiPlatform.Identity.Clients;

internal static class ConsumerKinds
{
    public const string Partner = "partner";
    public const string Internal = "internal";
    public const string Service = "service";
}
