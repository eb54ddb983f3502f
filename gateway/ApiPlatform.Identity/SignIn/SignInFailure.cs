namespace ApiPlatform.Identity.SignIn;

/// <summary>Failed sign-ins of one account name (known or not) since <see cref="WindowStartedAtMs"/> (Unix milliseconds).</summary>
public sealed class SignInFailure
{
    public const int MaxAccountLength = 256;

    public string Account { get; set; } = "";

    public int Failures { get; set; }

    public long WindowStartedAtMs { get; set; }
}
