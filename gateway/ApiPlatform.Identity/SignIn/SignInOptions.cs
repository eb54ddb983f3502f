using System.ComponentModel.DataAnnotations;

namespace ApiPlatform.Identity.SignIn;

/// <summary>How people's sign-in is protected and how long it lasts (section <c>Identity:SignIn</c>).</summary>
public sealed class SignInOptions
{
    /// <summary>Failed sign-ins of one account within <see cref="FailureWindowMinutes"/> before it is refused until the window ends.</summary>
    [Range(1, 100)]
    public int MaxFailuresPerAccount { get; set; } = 5;

    [Range(1, 1440)]
    public int FailureWindowMinutes { get; set; } = 15;

    /// <summary>The sign-in session at the token server (its cookie), after which the password is asked again.</summary>
    [Range(1, 1440)]
    public int SessionMinutes { get; set; } = 480;

    /// <summary>A refresh token's lifetime; each refresh returns a new one and retires the one it used.</summary>
    [Range(1, 43_200)]
    public int RefreshTokenLifetimeMinutes { get; set; } = 480;
}
